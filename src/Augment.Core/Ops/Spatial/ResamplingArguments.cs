using Augment.Core.Geometry;
using Augment.Core.Ops.Parameters;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops.Spatial;

/// <summary>The resampling parameters many spatial ops share, with Albumentations' names and defaults.</summary>
internal static class ResamplingArguments
{
    public static ParamSpec[] Specs(string interpolation = "linear", string borderMode = "constant") =>
        [GeometryParams.Interpolation(interpolation), .. BorderSpecs(borderMode)];

    /// <summary>For ops that move pixels without interpolating (crops, pads).</summary>
    public static ParamSpec[] BorderSpecs(string borderMode = "constant") =>
    [
        GeometryParams.BorderMode(borderMode),
        new FillParam("fill", "image value for pixels from outside the source, with border_mode constant"),
        new NumberParam("fill_mask", "mask label for pixels from outside the source (default: masks.fill)", null, 0, 65535, integer: true, optional: true),
    ];

    /// <summary>Albumentations' <c>rotate_method</c> of the rotating ops: how boxes follow the rotation (docs/labels.md).</summary>
    public static ParamSpec RotateMethod { get; } = new ChoiceParam(
        "rotate_method", "how boxes follow the rotation: the bounds of the box's corners, or of the ellipse inscribed in it", "largest_box", [("largest_box", null), ("ellipse", null)]);

    /// <summary>Attaches the op's resampling choices (those it has) to a step.</summary>
    public static SpatialStep With(this SpatialStep step, OpArguments arguments)
    {
        var c = arguments.Canonical;
        return step with
        {
            Interpolation = c["interpolation"] is { } i ? GeometryParams.ParseInterpolation(i.Value<string>()!) : step.Interpolation,
            Border = c["border_mode"] is { } b ? GeometryParams.ParseBorderMode(b.Value<string>()!) : step.Border,
            Fill = c["fill"] is JArray ? arguments.Numbers("fill") : step.Fill,
            MaskFill = c["fill_mask"] is { Type: JTokenType.Integer } mask ? (double)mask : step.MaskFill,
            EllipseBoxes = c["rotate_method"]?.Value<string>() == "ellipse" || step.EllipseBoxes,
        };
    }
}
