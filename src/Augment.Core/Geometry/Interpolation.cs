using Augment.Core.Ops.Parameters;

namespace Augment.Core.Geometry;

/// <summary>Resampling methods, with OpenCV's INTER_* values (which Albumentations configs use).</summary>
public enum Interpolation
{
    Nearest = 0,
    Linear = 1,
    Cubic = 2,
    Area = 3,
    Lanczos4 = 4,
}

/// <summary>How pixels outside the source are filled, with OpenCV's BORDER_* values.</summary>
public enum BorderMode
{
    Constant = 0,
    Replicate = 1,
    Reflect = 2,
    Wrap = 3,
    Reflect101 = 4,
}

public static class GeometryParams
{
    public static ChoiceParam Interpolation(string defaultValue = "linear") => new(
        "interpolation", "how the image is resampled (masks always use nearest)", defaultValue,
        Enum.GetValues<Interpolation>().Select(v => (Name(v), (int?)(int)v)).ToList());

    public static ChoiceParam BorderMode(string defaultValue = "constant") => new(
        "border_mode", "how pixels from outside the source are filled", defaultValue,
        Enum.GetValues<BorderMode>().Select(v => (Name(v), (int?)(int)v)).ToList());

    public static string Name(Interpolation value) => value.ToString().ToLowerInvariant();

    public static string Name(BorderMode value) => value switch
    {
        Geometry.BorderMode.Reflect101 => "reflect101",
        _ => value.ToString().ToLowerInvariant(),
    };

    public static Interpolation ParseInterpolation(string name) => Enum.GetValues<Interpolation>().Single(v => Name(v) == name);

    public static BorderMode ParseBorderMode(string name) => Enum.GetValues<BorderMode>().Single(v => Name(v) == name);
}
