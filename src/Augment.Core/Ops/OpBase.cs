using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Ops;

/// <summary>What every op holds: its descriptor, canonical arguments and <c>p</c>.</summary>
public abstract class OpBase : IOp
{
    protected OpBase(OpDescriptor descriptor, OpArguments arguments)
    {
        Descriptor = descriptor;
        Arguments = arguments;
        Probability = arguments.Number("p");
    }

    public OpDescriptor Descriptor { get; }

    public OpArguments Arguments { get; }

    public double Probability { get; }

    public override string ToString() => Descriptor.Name;

    /// <summary>A uniform draw from the range parameter <paramref name="parameter"/>.</summary>
    protected double Draw(RandomStream rng, string parameter)
    {
        var (low, high) = Arguments.Range(parameter);
        return rng.Uniform(low, high);
    }
}

/// <summary>Typed base of a spatial op: the non-generic interface casts once, here.</summary>
public abstract class SpatialOp<TParams> : OpBase, ISpatialOp
    where TParams : IOpParams
{
    protected SpatialOp(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public Type ParamsType => typeof(TParams);

    public abstract TParams Sample(RandomStream rng, ImageInfo input);

    public abstract SpatialStep Transform(TParams parameters, ImageInfo input);

    /// <summary>Override where building the step is costly (displacement fields).</summary>
    public virtual ImageSize OutputSize(TParams parameters, ImageInfo input) => Transform(parameters, input).OutputSize;

    IOpParams ISampledOp.Sample(RandomStream rng, ImageInfo input) => Sample(rng, input);

    SpatialStep ISpatialOp.Transform(IOpParams parameters, ImageInfo input) => Transform((TParams)parameters, input);

    ImageSize ISpatialOp.OutputSize(IOpParams parameters, ImageInfo input) => OutputSize((TParams)parameters, input);
}

/// <summary>Typed base of a pixel op.</summary>
public abstract class PixelOp<TParams> : OpBase, IPixelOp
    where TParams : IOpParams
{
    protected PixelOp(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public Type ParamsType => typeof(TParams);

    public abstract TParams Sample(RandomStream rng, ImageInfo input);

    public abstract ImageBuffer Apply(ImageBuffer image, TParams parameters);

    IOpParams ISampledOp.Sample(RandomStream rng, ImageInfo input) => Sample(rng, input);

    ImageBuffer IPixelOp.Apply(ImageBuffer image, IOpParams parameters) => Apply(image, (TParams)parameters);
}
