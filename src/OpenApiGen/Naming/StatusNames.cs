using System.Collections.Generic;

namespace OpenApiGen.Naming;

/// <summary>Member names for response status codes, as ASP.NET Core names its result helpers.</summary>
public static class StatusNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["200"] = "Ok", ["201"] = "Created", ["202"] = "Accepted", ["203"] = "NonAuthoritativeInformation",
        ["204"] = "NoContent", ["205"] = "ResetContent", ["206"] = "PartialContent", ["300"] = "MultipleChoices",
        ["301"] = "MovedPermanently", ["302"] = "Found", ["303"] = "SeeOther", ["304"] = "NotModified",
        ["307"] = "TemporaryRedirect", ["308"] = "PermanentRedirect", ["400"] = "BadRequest",
        ["401"] = "Unauthorized", ["402"] = "PaymentRequired", ["403"] = "Forbidden", ["404"] = "NotFound",
        ["405"] = "MethodNotAllowed", ["406"] = "NotAcceptable", ["408"] = "RequestTimeout", ["409"] = "Conflict",
        ["410"] = "Gone", ["411"] = "LengthRequired", ["412"] = "PreconditionFailed", ["413"] = "PayloadTooLarge",
        ["415"] = "UnsupportedMediaType", ["416"] = "RangeNotSatisfiable", ["422"] = "UnprocessableEntity",
        ["423"] = "Locked", ["424"] = "FailedDependency", ["425"] = "TooEarly", ["426"] = "UpgradeRequired", ["428"] = "PreconditionRequired",
        ["429"] = "TooManyRequests", ["451"] = "UnavailableForLegalReasons", ["500"] = "InternalServerError",
        ["501"] = "NotImplemented", ["502"] = "BadGateway", ["503"] = "ServiceUnavailable",
        ["504"] = "GatewayTimeout",
    };

    public static string For(string statusCode)
    {
        if (Names.TryGetValue(statusCode, out var name)) return name;
        if (statusCode == "default") return "Default";
        return "Status" + Identifier.Pascal(statusCode.ToUpperInvariant(), "Unknown");
    }
}
