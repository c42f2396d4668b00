using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Composition;

/// <summary>
/// Runs <c>n</c> children chosen uniformly (without replacement unless <c>replace</c>), in the order
/// they are listed, each with its own <c>p</c>, as Albumentations 2.x's SomeOf.
/// </summary>
public sealed class SomeOf : CompositionOp
{
    private readonly int _n;
    private readonly bool _replace;

    private SomeOf(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
        _n = arguments.Integer("n");
        _replace = arguments.Boolean("replace");
        if (!_replace && _n > Children.Count)
        {
            throw new OpArgumentException("n", $"n is {_n} but there are only {Children.Count} transforms to choose from without replacement");
        }
    }

    public static OpDescriptor Definition { get; } = new(
        "SomeOf", OpFamily.Composition, "run n of the child ops, chosen uniformly", 1.0,
        [
            Transforms(),
            new NumberParam("n", "how many children run", 1, 1, 1000, integer: true),
            new BoolParam("replace", "whether a child may be chosen more than once", false),
        ],
        (d, a) => new SomeOf(d, a));

    public override bool ForcesChildren => false;

    public override IReadOnlyList<int> Choose(RandomStream rng) => UniformChoice.Draw(rng, Children.Count, _n, _replace).Order().ToList();
}
