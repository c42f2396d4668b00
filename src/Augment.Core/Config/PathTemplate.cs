using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Augment.Core.Config;

/// <summary>The values an output path template is filled with, for one source item, variant and mask.</summary>
public sealed record TemplateValues(string Dir, string Stem, string Ext, int Variant, int Mask = 0);

/// <summary>
/// An output or mask path template: literal text with placeholders <c>{dir}</c> (the source's folder
/// relative to the input glob's base, empty at the top), <c>{stem}</c>, <c>{ext}</c> (with its dot)
/// and <c>{variant}</c>, optionally zero-padded as <c>{variant:000}</c>; <c>{mask}</c> is the index of
/// the mask template, for items with several masks.
/// </summary>
public sealed partial class PathTemplate
{
    private static readonly string[] Names = ["dir", "stem", "ext", "variant", "mask"];

    private readonly IReadOnlyList<(string Literal, string? Name, int Width)> _parts;

    private PathTemplate(string text, IReadOnlyList<(string, string?, int)> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    /// <summary>Where the template is written in the config (1:1 for a default).</summary>
    public SourceMark Mark { get; init; } = new(1, 1);

    /// <summary>The same template, noted as written at <paramref name="mark"/>.</summary>
    public PathTemplate At(SourceMark mark) => new(Text, _parts) { Mark = mark };

    public bool Uses(string name) => _parts.Any(p => p.Name == name);

    /// <summary>Parses a template; the error text says what is wrong, or null when it is valid.</summary>
    public static PathTemplate Parse(string text, out string? error)
    {
        error = null;
        var parts = new List<(string, string?, int)>();
        var at = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            var name = m.Groups["name"].Value;
            if (!Names.Contains(name))
            {
                error = $"unknown placeholder '{{{name}}}' in '{text}'{Suggestions.DidYouMean(name, Names)} (placeholders: {{dir}}, {{stem}}, {{ext}}, {{variant}}, {{variant:000}}, {{mask}})";
                break;
            }

            var format = m.Groups["format"].Value;
            if (m.Groups["format"].Success && (name != "variant" || format.Length == 0 || format.Any(c => c != '0')))
            {
                error = $"'{m.Value}' in '{text}': only {{variant}} takes a width, written as zeros ({{variant:000}})";
                break;
            }

            parts.Add((text[at..m.Index], name, format.Length));
            at = m.Index + m.Length;
        }

        parts.Add((text[at..], null, 0));
        var remaining = string.Concat(parts.Select(p => p.Item1));
        if (error is null && (remaining.Contains('{') || remaining.Contains('}')))
        {
            error = $"'{text}' has an unmatched '{{' or '}}'";
        }

        return new PathTemplate(text, parts);
    }

    public string Render(TemplateValues values)
    {
        var builder = new StringBuilder();
        foreach (var (literal, name, width) in _parts)
        {
            builder.Append(literal);
            builder.Append(name switch
            {
                "dir" => values.Dir,
                "stem" => values.Stem,
                "ext" => values.Ext,
                "variant" => values.Variant.ToString(new string('0', Math.Max(1, width)), CultureInfo.InvariantCulture),
                "mask" => values.Mask.ToString(CultureInfo.InvariantCulture),
                _ => string.Empty,
            });
        }

        // An empty {dir} must not leave "images//a.png" or a leading slash.
        return MultipleSlashes().Replace(builder.ToString(), "/").TrimStart('/');
    }

    [GeneratedRegex(@"\{(?<name>[^{}:]*)(?::(?<format>[^{}]*))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("/{2,}")]
    private static partial Regex MultipleSlashes();
}
