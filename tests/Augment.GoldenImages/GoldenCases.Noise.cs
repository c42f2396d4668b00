namespace Augment.GoldenImages;

/// <summary>Golden cases of the noise ops (expression-bodied, so the tolerances are set first).</summary>
internal static partial class GoldenCases
{
    private static GoldenCase[] NoiseCases =>
    [
    ];
}
