namespace Augment.Core.Geometry;

/// <summary>
/// One spatial op's effect on coordinates. Either a matrix (<see cref="Forward"/> maps input pixel
/// coordinates to output ones; crops, pads and resizes set <see cref="OutputSize"/>), or a
/// displacement field on the output grid (elastic and grid distortions: output pixel p samples the
/// input at p + d(p)) with the identity matrix and an unchanged size.
/// The resampling choices are the op's; see <see cref="SpatialRun"/> for how a run of steps picks one.
/// <see cref="EllipseBoxes"/> is the op's <c>rotate_method: ellipse</c>: boxes follow the run through the
/// ellipse inscribed in them.
/// </summary>
public sealed record SpatialStep(
    Matrix3x3 Forward,
    ImageSize OutputSize,
    DisplacementField? Field = null,
    Interpolation? Interpolation = null,
    BorderMode? Border = null,
    IReadOnlyList<double>? Fill = null,
    double? MaskFill = null,
    bool EllipseBoxes = false)
{
    public static SpatialStep Matrix(Matrix3x3 forward, ImageSize outputSize) => new(forward, outputSize);
}
