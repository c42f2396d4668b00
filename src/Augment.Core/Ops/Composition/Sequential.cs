using Augment.Core.Randomness;

namespace Augment.Core.Ops.Composition;

/// <summary>Runs every child in order, each with its own <c>p</c>; the group as a whole fires with <c>p</c>.</summary>
public sealed class Sequential : CompositionOp
{
    private Sequential(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public static OpDescriptor Definition { get; } = new(
        "Sequential", OpFamily.Composition, "run the child ops in order, each with its own p", 0.5, [Transforms()],
        (d, a) => new Sequential(d, a));

    public override bool ForcesChildren => false;

    public override IReadOnlyList<int> Choose(RandomStream rng) => Enumerable.Range(0, Children.Count).ToList();
}
