using Augment.Core.Ops;

namespace Augment.Core.Pipeline;

/// <summary>
/// What one op did for one item and variant: its position ("2", or "2.1" inside a composition),
/// whether it fired, and the exact parameters it was applied with. Rendering reads only these, so a
/// record replays without drawing a random number.
/// </summary>
public sealed record OpRecord(string Path, string Op, bool Applied, IOpParams? Params)
{
    /// <summary>The op's position without a repeat mark: "2.1@1" (a child chosen a second time) is the op at "2.1".</summary>
    public static string OpPosition(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Split('@')[0]));
}

/// <summary>The children a composition op chose, by index, in the order they run.</summary>
public sealed record CompositionParams(IReadOnlyList<int> Chosen) : IOpParams
{
    public bool Equals(CompositionParams? other) => other is not null && Chosen.SequenceEqual(other.Chosen);

    public override int GetHashCode() => Chosen.Count;
}
