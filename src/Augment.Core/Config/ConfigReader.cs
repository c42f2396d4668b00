using System.Globalization;

namespace Augment.Core.Config;

/// <summary>
/// Typed reads of config nodes for one file: each read checks the node's type and range and throws
/// a <see cref="ConfigException"/> at the node's position that says what would be valid.
/// </summary>
public sealed class ConfigReader
{
    public ConfigReader(string filePath) => FilePath = filePath;

    public string FilePath { get; }

    public ConfigException Error(string code, ConfigNode node, string problem) => new(code, FilePath, node.Mark, problem);

    public ConfigException Error(string code, SourceMark mark, string problem) => new(code, FilePath, mark, problem);

    /// <summary>Opens a mapping whose keys must all be in <paramref name="allowed"/>.</summary>
    public MappingReader Mapping(ConfigNode node, string what, IReadOnlyCollection<string> allowed)
    {
        if (node is not MappingNode mapping)
        {
            throw Error(ConfigErrorCode.WrongType, node, $"{what} must be a mapping, not {node.Describe()}");
        }

        foreach (var entry in mapping.Entries)
        {
            if (!allowed.Contains(entry.Key.Text))
            {
                var valid = allowed.Count == 0 ? "it takes no keys" : $"valid keys: {string.Join(", ", allowed)}";
                throw Error(ConfigErrorCode.UnknownKey, entry.Key,
                    $"unknown key '{entry.Key.Text}' in {what}{Suggestions.DidYouMean(entry.Key.Text, allowed)} ({valid})");
            }
        }

        return new MappingReader(this, mapping, what);
    }

    public double Number(ConfigNode node, string what, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Number } scalar ||
            !double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
            !double.IsFinite(value))
        {
            throw Error(ConfigErrorCode.WrongType, node, $"{what} must be a number, not {node.Describe()}");
        }

        if (value < min || value > max)
        {
            throw Error(ConfigErrorCode.OutOfRange, node, $"{what} is {scalar.Text}; it must be {RangeText(min, max)}");
        }

        return value == 0 ? 0.0 : value; // -0 is 0: one meaning, one canonical form
    }

    public long Integer(ConfigNode node, string what, long min = long.MinValue, long max = long.MaxValue)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Number } scalar ||
            !long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(ConfigErrorCode.WrongType, node, $"{what} must be a whole number, not {node.Describe()}");
        }

        if (value < min || value > max)
        {
            throw Error(ConfigErrorCode.OutOfRange, node, $"{what} is {scalar.Text}; it must be {RangeText(min, max)}");
        }

        return value;
    }

    public ulong UnsignedInteger(ConfigNode node, string what)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Number } scalar ||
            !ulong.TryParse(scalar.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(ConfigErrorCode.WrongType, node, $"{what} must be a whole number from 0 to {ulong.MaxValue}, not {node.Describe()}");
        }

        return value;
    }

    public bool Boolean(ConfigNode node, string what) =>
        node is ScalarNode { Kind: ScalarKind.Boolean } scalar
            ? scalar.Text.Equals("true", StringComparison.OrdinalIgnoreCase)
            : throw Error(ConfigErrorCode.WrongType, node, $"{what} must be true or false, not {node.Describe()}");

    public string Text(ConfigNode node, string what) => node switch
    {
        ScalarNode { Kind: ScalarKind.String, Text.Length: 0 } => throw Error(ConfigErrorCode.InvalidValue, node, $"{what} must not be empty"),
        ScalarNode { Kind: ScalarKind.String or ScalarKind.Number } scalar => scalar.Text,
        _ => throw Error(ConfigErrorCode.WrongType, node, $"{what} must be a string, not {node.Describe()}"),
    };

    /// <summary>A string or a list of strings.</summary>
    public IReadOnlyList<string> TextList(ConfigNode node, string what) => node switch
    {
        SequenceNode { Items.Count: > 0 } list => list.Items.Select((item, i) => Text(item, $"{what}[{i}]")).ToList(),
        SequenceNode => throw Error(ConfigErrorCode.InvalidValue, node, $"{what} must not be an empty list"),
        _ => [Text(node, what)],
    };

    public string Choice(ConfigNode node, string what, IReadOnlyCollection<string> choices)
    {
        var text = node is ScalarNode { Kind: ScalarKind.String or ScalarKind.Number } scalar ? scalar.Text : null;
        if (text is null || !choices.Contains(text))
        {
            var given = text is null ? node.Describe() : $"'{text}'";
            throw Error(ConfigErrorCode.InvalidValue, node,
                $"{what} is {given}; it must be one of {string.Join(", ", choices)}{(text is null ? string.Empty : Suggestions.DidYouMean(text, choices))}");
        }

        return text;
    }

    internal static string RangeText(double min, double max) => (min, max) switch
    {
        (double.NegativeInfinity, double.PositiveInfinity) => "a finite number",
        (double.NegativeInfinity, _) => $"at most {Format(max)}",
        (_, double.PositiveInfinity) => $"at least {Format(min)}",
        _ => $"between {Format(min)} and {Format(max)}",
    };

    private static string RangeText(long min, long max) => (min, max) switch
    {
        (long.MinValue, long.MaxValue) => "a whole number",
        (long.MinValue, _) => $"at most {max}",
        (_, long.MaxValue) => $"at least {min}",
        _ => $"between {min} and {max}",
    };

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The keys of one mapping, read by name; unknown keys were rejected when it was opened.</summary>
public sealed class MappingReader
{
    private readonly ConfigReader _reader;

    internal MappingReader(ConfigReader reader, MappingNode node, string what)
    {
        _reader = reader;
        Node = node;
        What = what;
    }

    public MappingNode Node { get; }

    public string What { get; }

    public ConfigNode? Optional(string key) => Node[key] is { } value && value is not ScalarNode { Kind: ScalarKind.Null } ? value : null;

    public ConfigNode Required(string key) =>
        Node[key] ?? throw _reader.Error(ConfigErrorCode.MissingKey, Node, $"{What} needs the key '{key}'");

    public string Path(string key) => What == "the config" ? key : $"{What}.{key}";
}
