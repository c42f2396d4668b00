namespace Augment.Core.Ops.Spatial;

/// <summary>A crop's top-left corner in the input (negative where the crop pads); its size is the op's.</summary>
public sealed record CropParams(int X, int Y) : IOpParams;
