using Augment.Core.Randomness;

namespace Augment.Core.Ops.Composition;

/// <summary>
/// Runs the first of its two children with probability <c>p</c> and the second otherwise, as
/// Albumentations' OneOrOther: the composition itself always runs, and the chosen child runs
/// whatever its own <c>p</c>.
/// </summary>
public sealed class OneOrOther : CompositionOp
{
    private OneOrOther(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
        if (Children.Count != 2)
        {
            throw new OpArgumentException("transforms", $"OneOrOther takes exactly two transforms, the one and the other; it has {Children.Count}");
        }
    }

    public static OpDescriptor Definition { get; } = new(
        "OneOrOther", OpFamily.Composition, "run the first child with probability p, else the second", 0.5, [Transforms()],
        (d, a) => new OneOrOther(d, a));

    public override bool ForcesChildren => true;

    public override bool AlwaysApplies => true;

    public override IReadOnlyList<int> Choose(RandomStream rng) => [rng.NextDouble() < Probability ? 0 : 1];
}
