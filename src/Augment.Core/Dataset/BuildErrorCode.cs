namespace Augment.Core.Dataset;

/// <summary>
/// The codes item errors carry (AUG3xxx), as MSBuild shows them: images/a.png: error AUG3002. Config
/// errors are AUG2xxx (<see cref="Config.ConfigErrorCode"/>); the tool's own are AUG1xxx.
/// </summary>
public static class BuildErrorCode
{
    /// <summary>A source image or mask is missing or cannot be read.</summary>
    public const string Unreadable = "AUG3001";

    /// <summary>A source image or mask is not a valid image (truncated, corrupt, too large, wrong mask shape).</summary>
    public const string InvalidImage = "AUG3002";

    /// <summary>An op failed on an item's image.</summary>
    public const string RenderFailed = "AUG3003";

    /// <summary>A label file cannot be used: a malformed line, a class id that is not an integer, a box of no size or outside the image.</summary>
    public const string InvalidLabels = "AUG3004";

    /// <summary>Under --require-cached: an item that neither the local nor the shared cache holds.</summary>
    public const string NotCached = "AUG3005";
}
