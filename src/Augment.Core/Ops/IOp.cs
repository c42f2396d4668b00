using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Ops;

/// <summary>The parameters one application of an op was sampled with: what the manifest records and replay reads.</summary>
public interface IOpParams
{
}

/// <summary>An op with no sampled parameters (a flip).</summary>
public sealed record NoParams : IOpParams
{
    public static NoParams Instance { get; } = new();
}

/// <summary>A validated op from the config: its descriptor, canonical arguments and probability.</summary>
public interface IOp
{
    OpDescriptor Descriptor { get; }

    OpArguments Arguments { get; }

    /// <summary>The probability <c>p</c> that the op fires for an item.</summary>
    double Probability { get; }
}

/// <summary>An op that samples parameters (pure: no pixels, no I/O).</summary>
public interface ISampledOp : IOp
{
    Type ParamsType { get; }

    IOpParams Sample(RandomStream rng, ImageInfo input);
}

/// <summary>A geometric op: its effect is a mapping of coordinates, fused with its neighbours' into one pass.</summary>
public interface ISpatialOp : ISampledOp
{
    SpatialStep Transform(IOpParams parameters, ImageInfo input);

    /// <summary>The size the op produces: what sampling needs, without building the whole step.</summary>
    ImageSize OutputSize(IOpParams parameters, ImageInfo input);
}

/// <summary>
/// A spatial op whose parameters depend on the item's boxes where it stands in the pipeline
/// (detection-aware crops). The sampler hands it the boxes, mapped through the spatial ops before
/// it; its record holds what it chose, so a replay draws nothing and needs no boxes.
/// </summary>
public interface IBoxAwareOp : ISpatialOp
{
    IOpParams Sample(RandomStream rng, ImageInfo input, IReadOnlyList<Labels.BoundingBox> boxes);
}

/// <summary>A photometric op: it changes pixel values of the image (never of masks) and keeps the size.</summary>
public interface IPixelOp : ISampledOp
{
    /// <summary>Deterministic: draws no random number. Returns the result, which may be <paramref name="image"/> itself.</summary>
    ImageBuffer Apply(ImageBuffer image, IOpParams parameters);
}

/// <summary>
/// An op that changes regions of the image and, optionally, the masks in place without moving any
/// pixel (CoarseDropout). Like a pixel op it ends a run of spatial ops.
/// </summary>
public interface IRegionOp : ISampledOp
{
    /// <summary>Deterministic: draws no random number. Works in place on buffers the renderer owns.</summary>
    void Apply(ImageBuffer image, IReadOnlyList<ImageBuffer> masks, IOpParams parameters);
}

/// <summary>A region op whose regions hide what is under them: boxes shrink to what stays visible (docs/labels.md).</summary>
public interface IHidingRegionOp : IRegionOp
{
    /// <summary>The hidden rectangles, in pixels of the image the op applies to.</summary>
    IReadOnlyList<(int X, int Y, int Width, int Height)> HiddenRegions(IOpParams parameters);
}

/// <summary>A composition of ops (OneOf, SomeOf, Sequential): chooses which children run.</summary>
public interface ICompositionOp : IOp
{
    IReadOnlyList<IOp> Children { get; }

    /// <summary>Whether chosen children run whatever their own <c>p</c> (OneOf, OneOrOther) or draw it (SomeOf, RandomOrder, Sequential).</summary>
    bool ForcesChildren { get; }

    /// <summary>Whether the composition always runs, its <c>p</c> choosing between children instead (OneOrOther).</summary>
    bool AlwaysApplies => false;

    /// <summary>Indices of the children to run, in order.</summary>
    IReadOnlyList<int> Choose(RandomStream rng);
}
