using System.Text.Json;
using System.Text.Json.Serialization;

namespace Screening.Grains.Abstractions.Lists;

/// <summary>JSON settings for designations stored in PostgreSQL: enums by name, empty collections omitted.</summary>
public static class ListJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new ValueArrayJsonConverterFactory(), new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
