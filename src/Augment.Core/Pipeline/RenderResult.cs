using Augment.Core.Imaging;

namespace Augment.Core.Pipeline;

/// <summary>An item's rendered image and masks, and how many resampling passes produced them.</summary>
public sealed class RenderResult : IDisposable
{
    public RenderResult(ImageBuffer image, IReadOnlyList<ImageBuffer> masks, int passes)
    {
        Image = image;
        Masks = masks;
        Passes = passes;
    }

    public ImageBuffer Image { get; }

    public IReadOnlyList<ImageBuffer> Masks { get; }

    public int Passes { get; }

    public void Dispose()
    {
        Image.Dispose();
        foreach (var mask in Masks)
        {
            mask.Dispose();
        }
    }
}
