using Augment.Core.Geometry;
using Augment.Core.Ops.Parameters;

namespace Augment.Core.Ops.Spatial;

/// <summary>The resampling parameters many spatial ops share, with Albumentations' names and defaults.</summary>
internal static class ResamplingArguments
{
    public static ParamSpec[] Specs(string interpolation = "linear", string borderMode = "constant") =>
    [
        GeometryParams.Interpolation(interpolation),
        GeometryParams.BorderMode(borderMode),
        new FillParam("fill", "image value for pixels from outside the source, with border_mode constant"),
        new NumberParam("fill_mask", "mask label for pixels from outside the source (overrides masks.fill)", null, 0, 65535, integer: true, optional: true),
    ];

    /// <summary>Attaches the op's resampling choices to a step.</summary>
    public static SpatialStep With(this SpatialStep step, OpArguments arguments) => step with
    {
        Interpolation = GeometryParams.ParseInterpolation(arguments.Text("interpolation")),
        Border = GeometryParams.ParseBorderMode(arguments.Text("border_mode")),
        Fill = arguments.Numbers("fill"),
        MaskFill = arguments.Canonical["fill_mask"] is { Type: Newtonsoft.Json.Linq.JTokenType.Integer } mask ? (double)mask : null,
    };
}
