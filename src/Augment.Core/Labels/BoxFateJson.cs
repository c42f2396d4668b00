using Newtonsoft.Json.Linq;

namespace Augment.Core.Labels;

/// <summary>
/// The manifest's <c>boxes</c> of an item (docs/manifest.md): every source box in the source's
/// order, with its line and class, and either its output box
/// (pixels, <c>pascal_voc</c> order) or why it was dropped and by which resampling run.
/// </summary>
public static class BoxFateJson
{
    public static JArray ToJson(IEnumerable<BoxFate> fates) => new(fates.Select(f =>
    {
        var json = new JObject { ["line"] = f.Source.Line, ["class"] = f.Source.Class };
        if (f.Output is { } box)
        {
            json["bbox"] = new JArray(Round(box.XMin), Round(box.YMin), Round(box.XMax), Round(box.YMax));
            if (f.Keypoints is { } points)
            {
                json["keypoints"] = new JArray(points.SelectMany(p => new JToken[] { Round(p.X), Round(p.Y), p.Visibility }));
            }

            if (f.LostKeypoints.Count > 0)
            {
                json["lost_keypoints"] = new JArray(f.LostKeypoints.Select(l => new JObject { ["keypoint"] = l.Keypoint, ["run"] = l.Run }));
            }
        }
        else
        {
            json["dropped"] = f.Dropped;
            json["run"] = f.Run;
        }

        return json;
    }));

    // Pixels to a thousandth: what the label file's six normalised decimals hold, in a stable text.
    private static double Round(double v) => Math.Round(v, 3, MidpointRounding.ToEven);
}
