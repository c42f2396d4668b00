using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Cache;

/// <summary>
/// What the cache holds for one item key: the objects of its files (image, masks, label file) and its item record, as compact
/// JSON text (a build holds one per item until it writes the manifest; text is a tenth of a JObject).
/// The record is null when a build found the item up to date from the output record alone and did
/// not read it.
/// </summary>
public sealed record KeyRecord(string Image, IReadOnlyList<string> Masks, string? Record, string? Labels = null)
{
    /// <summary>Every object of the item, in the order of <see cref="Dataset.OutputItem.Files"/>.</summary>
    public IReadOnlyList<string> Objects => Labels is null ? [Image, .. Masks] : [Image, .. Masks, Labels];

    /// <summary>The record as a JObject (dates and numbers read back exactly as written).</summary>
    public static JObject ParseRecord(string record)
    {
        using var reader = new JsonTextReader(new StringReader(record)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        return JObject.Load(reader);
    }

    /// <summary>A record read back from its JSON (<see cref="ToJson"/>), or null when the JSON is not one.</summary>
    public static KeyRecord? FromJson(JObject json)
    {
        try
        {
            var objects = ((JArray?)json["masks"] ?? []).Select(t => t.Value<string>() ?? string.Empty).ToList();
            var record = json.Value<string>("image") is { } image
                ? new KeyRecord(image, objects, json["record"]?.ToString(Formatting.None) ?? "{}", json.Value<string>("labels"))
                : null;
            return record is not null && record.Objects.All(IsSha256) ? record : null;
        }
        catch (InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>The record as one line of compact JSON: what a pack line and a shared cache's key record hold.</summary>
    public string ToJson()
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            writer.WriteStartObject();
            writer.WritePropertyName("image");
            writer.WriteValue(Image);
            writer.WritePropertyName("masks");
            writer.WriteStartArray();
            foreach (var mask in Masks)
            {
                writer.WriteValue(mask);
            }

            writer.WriteEndArray();
            if (Labels is not null)
            {
                writer.WritePropertyName("labels");
                writer.WriteValue(Labels);
            }

            writer.WritePropertyName("record");
            writer.WriteRawValue(Record ?? throw new InvalidOperationException("a key record is written with its item record"));
            writer.WriteEndObject();
        }

        return text.ToString();
    }

    /// <summary>64 lowercase hex digits: an object's name, and the form of every key.</summary>
    public static bool IsSha256(string text) => text.Length == 64 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
