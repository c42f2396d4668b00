using Augment.Core.Randomness;

namespace Augment.Core.Ops.Composition;

/// <summary>
/// Runs exactly one child, chosen with probability proportional to the children's <c>p</c>, as
/// Albumentations' OneOf; the chosen child runs whatever its own <c>p</c>.
/// </summary>
public sealed class OneOf : CompositionOp
{
    private OneOf(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
        if (Children.Sum(c => c.Probability) <= 0)
        {
            throw new OpArgumentException("transforms", "at least one child needs p > 0 to be chosen");
        }
    }

    public static OpDescriptor Definition { get; } = new(
        "OneOf", OpFamily.Composition, "run one of the child ops, weighted by their p", 0.5, [Transforms()],
        (d, a) => new OneOf(d, a));

    public override bool ForcesChildren => true;

    public override IReadOnlyList<int> Choose(RandomStream rng)
    {
        var total = Children.Sum(c => c.Probability);
        var target = rng.NextDouble() * total;
        for (var i = 0; i < Children.Count; i++)
        {
            target -= Children[i].Probability;
            if (target < 0)
            {
                return [i];
            }
        }

        return [Children.Count - 1 - Children.Reverse().TakeWhile(c => c.Probability == 0).Count()];
    }
}
