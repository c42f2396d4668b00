using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Composition;

/// <summary>What the compositions share: a list of child ops under <c>transforms</c>.</summary>
public abstract class CompositionOp : OpBase, ICompositionOp
{
    protected CompositionOp(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments) =>
        Children = arguments.Children["transforms"];

    public IReadOnlyList<IOp> Children { get; }

    public abstract bool ForcesChildren { get; }

    public virtual bool AlwaysApplies => false;

    public abstract IReadOnlyList<int> Choose(RandomStream rng);

    protected static OpsParam Transforms() => new("transforms", "the child ops");
}
