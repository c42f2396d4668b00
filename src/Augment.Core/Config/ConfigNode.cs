namespace Augment.Core.Config;

/// <summary>Where a node starts in its file: 1-based line and column.</summary>
public readonly record struct SourceMark(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// A config document read from YAML or JSON, with the position of every node, so that one schema
/// binder serves both formats and every error can name its line and column.
/// </summary>
public abstract record ConfigNode(SourceMark Mark)
{
    /// <summary>How the node reads in an error message ("a number", "a list", ...).</summary>
    public abstract string Describe();
}

public enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

public sealed record ScalarNode(SourceMark Mark, string Text, ScalarKind Kind) : ConfigNode(Mark)
{
    public override string Describe() => Kind switch
    {
        ScalarKind.Number => $"the number {Text}",
        ScalarKind.Boolean => $"the boolean {Text}",
        ScalarKind.Null => "null",
        _ => $"the string '{Text}'",
    };
}

public sealed record SequenceNode(SourceMark Mark, IReadOnlyList<ConfigNode> Items) : ConfigNode(Mark)
{
    public override string Describe() => $"a list of {Items.Count}";
}

public sealed record MappingEntry(ScalarNode Key, ConfigNode Value);

public sealed record MappingNode(SourceMark Mark, IReadOnlyList<MappingEntry> Entries) : ConfigNode(Mark)
{
    public override string Describe() => "a mapping";

    public ConfigNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Text == key)?.Value;
}
