namespace Augment.Core.Labels;

/// <summary>
/// <c>bbox_params</c>: how boxes are read and which ones an item keeps, with Albumentations'
/// names, meanings and defaults (<c>A.BboxParams</c>). Filters apply after every resampling run, to
/// the box clipped to the image: <see cref="MinArea"/> and the sizes in output pixels,
/// <see cref="MinVisibility"/> as the clipped box's share of the run's unclipped box.
/// </summary>
public sealed record BoxParams(
    string Format,
    double MinArea = 0,
    double MinVisibility = 0,
    double MinWidth = 0,
    double MinHeight = 0,
    bool Clip = false,
    bool FilterInvalidBboxes = false)
{
    /// <summary>The formats read and written: Albumentations' names.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["yolo", "pascal_voc", "coco"];

    /// <summary>The format that reads and writes per-image label files (not COCO's one file: see <see cref="CocoIndex"/>).</summary>
    public LabelFormat LabelFormat => LabelFormat.Named(Format);

    /// <summary>Every setting, defaults resolved, in one line: part of every item key.</summary>
    public string Canonical => FormattableString.Invariant(
        $"format={Format};min_area={MinArea:R};min_visibility={MinVisibility:R};min_width={MinWidth:R};min_height={MinHeight:R};clip={Clip};filter_invalid_bboxes={FilterInvalidBboxes}");
}
