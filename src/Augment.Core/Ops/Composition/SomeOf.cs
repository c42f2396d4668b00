using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Composition;

/// <summary>
/// Runs <c>n</c> children chosen uniformly (without replacement unless <c>replace</c>), in the order
/// they are listed, each whatever its own <c>p</c>.
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

    public override bool ForcesChildren => true;

    public override IReadOnlyList<int> Choose(RandomStream rng)
    {
        if (_replace)
        {
            return Enumerable.Range(0, _n).Select(_ => (int)rng.NextInt64(0, Children.Count)).Order().ToList();
        }

        // A partial Fisher-Yates shuffle picks n distinct indices.
        var indices = Enumerable.Range(0, Children.Count).ToArray();
        for (var i = 0; i < _n; i++)
        {
            var j = (int)rng.NextInt64(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        return indices.Take(_n).Order().ToList();
    }
}
