using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OpenApiGen.Runtime;

namespace Microsoft.CodeAnalysis
{
    // What RegisterPostInitializationOutput's AddEmbeddedAttributeDefinition gives consumers.
    internal sealed class EmbeddedAttribute : System.Attribute
    {
    }
}

namespace OpenApiGen.Tests
{
    /// <summary>runtime/ as plain C#: the one converter per wire type and the one type converter shared by every open enum.</summary>
    public class RuntimeTests
    {
        private readonly struct Color(string value) : IOpenEnum<Color, string>, IParsable<Color>
        {
            public string Value => value ?? "";

            static Color IOpenEnum<Color, string>.From(string value) => new(value);

            public static Color Parse(string s, IFormatProvider? provider) => new(s);

            public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Color result)
            {
                result = new(s ?? "");
                return s is not null;
            }
        }

        private readonly struct Code(long value) : IOpenEnum<Code, long>
        {
            public long Value => value;

            static Code IOpenEnum<Code, long>.From(long value) => new(value);
        }

        private static JsonSerializerOptions With(System.Text.Json.Serialization.JsonConverter converter) => new() { Converters = { converter } };

        [Fact]
        public void String_open_enums_keep_unlisted_values_both_ways()
        {
            var options = With(new OpenStringEnumConverter<Color>());
            var read = JsonSerializer.Deserialize<Color[]>("[\"red\",\"ultraviolet\"]", options)!;
            Assert.Equal(new[] { "red", "ultraviolet" }, read.Select(c => c.Value));
            Assert.Equal("[\"red\",\"ultraviolet\"]", JsonSerializer.Serialize(read, options));
        }

        [Fact]
        public void Integer_open_enums_read_and_write_numbers()
        {
            var options = With(new OpenInt64EnumConverter<Code>());
            var read = JsonSerializer.Deserialize<Code[]>("[1,9007199254740993]", options)!;
            Assert.Equal(new[] { 1L, 9007199254740993L }, read.Select(c => c.Value));
            Assert.Equal("[1,9007199254740993]", JsonSerializer.Serialize(read, options));
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Code>("\"one\"", options));
        }

        [Fact]
        public void The_type_converter_binds_text_through_IParsable()
        {
            var converter = new ParsableTypeConverter<Color>();
            Assert.True(converter.CanConvertFrom(typeof(string)));
            Assert.Equal("blue", ((Color)converter.ConvertFrom(null, null, "blue")!).Value);
            Assert.Throws<NotSupportedException>(() => converter.ConvertFrom(null, null, 42));
        }
    }
}
