using Augment.Core.Ops;

namespace Augment.Core.Albumentations;

/// <summary>
/// Albumentations 2.x's transforms that are not ops here, with what becomes of them: the ones
/// planned for the catalogue (issue 19: the rest of the 2D catalogue), and the ones left out for
/// good, with the reason. `dotnet augment ops` lists them; the importer names the reason.
/// </summary>
public static class AlbumentationsCatalogue
{
    /// <summary>2D transforms that are to become ops here: those of <see cref="Completing"/> the catalogue does not hold yet.</summary>
    public static IReadOnlyList<string> Planned => [.. Completing.Where(name => OpCatalog.Default.Find(name) is null)];

    /// <summary>The 2D transforms of Albumentations 2.x that complete the catalogue (issue 19), as ops or still planned.</summary>
    private static readonly string[] Completing =
    [
        "AdditiveNoise", "AdvancedBlur", "AutoContrast", "Blur", "ChannelDropout", "ChannelShuffle", "ChromaticAberration", "Defocus", "Emboss",
        "FancyPCA", "GlassBlur", "HEStain", "Illumination", "ISONoise", "MultiplicativeNoise", "PlanckianJitter", "PlasmaBrightnessContrast",
        "PlasmaShadow", "RandomFog", "RandomGravel", "RandomRain", "RandomShadow", "RandomSnow", "RandomSunFlare", "RandomToneCurve",
        "RingingOvershoot", "ShotNoise", "Spatter", "Superpixels", "ToSepia", "UnsharpMask", "ZoomBlur",
        "ConstrainedCoarseDropout", "Crop", "CropAndPad", "CropNonEmptyMaskIfExists", "Erasing", "GridDropout", "GridElasticDeform",
        "MaskDropout", "Morphological", "OpticalDistortion", "Pad", "PiecewiseAffine", "PixelDropout", "RandomCropFromBorders",
        "RandomGridShuffle", "RandomScale", "RandomSizedCrop", "SafeRotate", "ThinPlateSpline", "XYMasking",
        "OneOrOther", "RandomOrder", "SelectiveChannelTransform", "Mosaic",
    ];

    /// <summary>Transforms left out for good, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> LeftOut { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Normalize"] = TrainingTime,
        ["ToTensorV2"] = TrainingTime,
        ["ToFloat"] = TrainingTime,
        ["FromFloat"] = TrainingTime,
        ["NoOp"] = NoOp,
        ["Lambda"] = "it runs arbitrary Python code, which no build can hash or replay",
        ["TextImage"] = "it draws text from fonts and strings given at run time, outside the dataset's files",
        ["TimeMasking"] = Spectrogram,
        ["FrequencyMasking"] = Spectrogram,
        ["TimeReverse"] = Spectrogram,
        ["CenterCrop3D"] = Volume,
        ["CoarseDropout3D"] = Volume,
        ["CubicSymmetry"] = Volume,
        ["GridShuffle3D"] = Volume,
        ["Pad3D"] = Volume,
        ["PadIfNeeded3D"] = Volume,
        ["RandomCrop3D"] = Volume,
    };

    /// <summary>
    /// Whether an import leaves the transform out with a note rather than refusing the file: what it
    /// does is not part of a dataset's files (training-time transforms) or is nothing (NoOp).
    /// </summary>
    public static bool LeftOutOfImports(string name) => LeftOut.TryGetValue(name, out var why) && why is TrainingTime or NoOp;

    /// <summary>Why an Albumentations transform is not an op here, or null when Albumentations 2.x has no such transform either.</summary>
    public static string? Fate(string name) =>
        LeftOut.TryGetValue(name, out var why) ? $"{name} is left out of Augment.Build: {why}" :
        Planned.Contains(name) ? $"{name} is not an op of Augment.Build yet (it is planned, with the rest of Albumentations' 2D catalogue; `dotnet augment ops` lists the ops)" : null;

    private const string TrainingTime = "a training-time transform: it belongs in the training loop, not in the files of a dataset";
    private const string NoOp = "a transform that does nothing";
    private const string Spectrogram = "it works on spectrograms (audio), not images";
    private const string Volume = "it works on 3D volumes; this tool builds 2D images";
}
