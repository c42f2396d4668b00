using System.Globalization;
using Augment.Core.Pipeline;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Preview;

/// <summary>
/// The text under a contact sheet's tile, so that a sheet explains itself: the source's name, the
/// variant, and the ops that fired with their main parameters (the first two numbers, flags or
/// short words of their record; seeds, lists and objects are left to `explain`). Wrapped to the
/// tile's width by the caller's measure, at most <see cref="MaxLines"/> lines, the last cut with "..."
/// when more did not fit.
/// </summary>
public static class TileCaption
{
    public const int MaxLines = 6;
    private const int ParametersShown = 2;

    /// <summary>The caption of a source's own tile.</summary>
    public static IReadOnlyList<string> OfSource(string source, Func<string, int> width, int maxWidth) =>
        Wrap([Path.GetFileName(source), "source"], width, maxWidth);

    /// <summary>The caption of a variant's tile, from the record of how it was rendered.</summary>
    public static IReadOnlyList<string> OfVariant(string source, int variant, ItemRecord record, Func<string, int> width, int maxWidth)
    {
        var applied = record.Ops.Where(o => o.Applied && o.Params is not CompositionParams).Select(Summary).ToList();
        return Wrap([$"{Path.GetFileName(source)} variant {variant}", .. applied.Count == 0 ? ["no op applied"] : applied], width, maxWidth);
    }

    /// <summary>An op that fired with its main parameters: "Affine rotate=-4.2 scale=1.03".</summary>
    public static string Summary(OpRecord op)
    {
        var parameters = OpRecordJson.ToJson(op)["params"] as JObject ?? [];
        var shown = parameters.Properties().Select(p => (p.Name, Value: Short(p.Value))).Where(p => p.Value is not null).Take(ParametersShown);
        return string.Join(' ', [op.Op, .. shown.Select(p => $"{p.Name}={p.Value}")]);
    }

    private static string? Short(JToken value) => value.Type switch
    {
        JTokenType.Float => (Math.Round(value.Value<double>(), 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture), // + 0.0: no "-0"
        JTokenType.Integer when Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture) is { Length: <= 6 } number => number, // not a seed
        JTokenType.Boolean => value.Value<bool>() ? "true" : "false",
        JTokenType.String when value.Value<string>() is { Length: > 0 and <= 12 } text => text,
        _ => null,
    };

    // Items word-wrapped to the width (an item's further lines indented; ops share a line when they
    // fit, the name and the variant keep theirs); past MaxLines the last line ends in "...".
    private static List<string> Wrap(IReadOnlyList<string> items, Func<string, int> width, int maxWidth)
    {
        var lines = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var words = items[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var joins = i >= 2 && lines.Count > 0;
            foreach (var (word, w) in words.Select((word, w) => (word, w)))
            {
                var glue = w > 0 ? " " : joins ? ", " : null;
                if (glue is not null && width(lines[^1] + glue + word) <= maxWidth)
                {
                    lines[^1] += glue + word;
                }
                else
                {
                    lines.Add(Fit(w > 0 ? "  " + word : word, width, maxWidth));
                }
            }
        }

        if (lines.Count > MaxLines)
        {
            lines.RemoveRange(MaxLines, lines.Count - MaxLines);
            var last = lines[^1];
            while (width(last + " ...") > maxWidth && last.TrimEnd().LastIndexOf(' ') is > 0 and var cut)
            {
                last = last[..cut]; // whole words only
            }

            lines[^1] = Fit(last.TrimEnd(' ', ',') + " ...", width, maxWidth);
        }

        return lines;
    }

    // A word longer than a line, cut to fit with "...".
    private static string Fit(string text, Func<string, int> width, int maxWidth)
    {
        if (width(text) <= maxWidth)
        {
            return text;
        }

        var body = text;
        while (body.Length > 0 && width(body + "...") > maxWidth)
        {
            body = body[..^1];
        }

        return body.TrimEnd(' ', ',') + "...";
    }
}
