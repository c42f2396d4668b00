using Augment.Core.Diagnostics;
using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.Ops;
using Augment.Core.Ops.Composition;

namespace Augment.Core.Pipeline;

/// <summary>
/// Renders one item from its op records, drawing no random number: every run of consecutive applied
/// spatial ops becomes one <see cref="SpatialRun"/>, resampled once per target; an applied pixel op
/// ends the run and changes the image only. The source buffers are never modified, so one decoded
/// source serves all its variants. An item's boxes take each run's mapping (<see cref="BoxGeometry"/>)
/// and its filters (<see cref="BoxFilter"/>) as the run is resampled.
/// </summary>
public static class PipelineRenderer
{
    public static RenderResult Render(
        IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageBuffer source, IReadOnlyList<ImageBuffer> sourceMasks, double maskFill,
        ItemLabels? labels = null)
    {
        var ops = OpPaths.Index(pipeline);
        var state = new RenderState(source, sourceMasks, maskFill, labels);
        try
        {
            foreach (var record in records.Where(r => r.Applied))
            {
                var op = OpPaths.Find(ops, record.Path) is { } found && found.Descriptor.Name == record.Op
                    ? found
                    : throw new InvalidOperationException($"the record names {record.Op} at {record.Path}, which the pipeline does not have");
                switch (op)
                {
                    case ISpatialOp spatial:
                        using (BuildProfile.Measure("render.spatial.", record.Op))
                        {
                            state.Run.Add(spatial.Transform(record.Params!, state.Info));
                        }

                        state.Info = state.Info.WithSize(state.Run.OutputSize);
                        break;
                    case IPixelOp pixel:
                        state.Flush();
                        using (BuildProfile.Measure("render.pixel.", record.Op))
                        {
                            state.ApplyPixel(pixel, record.Params!, SelectingChannels(ops, record.Path));
                        }

                        break;
                    case IRegionOp region:
                        state.Flush();
                        state.ApplyRegion(region, record.Params!);
                        break;
                }
            }

            state.Flush();
            return state.Finish();
        }
        catch
        {
            state.DisposeOwned();
            throw;
        }
    }

    // The SelectiveChannelTransform a record's op sits in, or null.
    private static SelectiveChannelTransform? SelectingChannels(IReadOnlyDictionary<string, IOp> ops, string path)
    {
        for (var end = path.LastIndexOf('.'); end > 0; end = path.LastIndexOf('.', end - 1))
        {
            if (OpPaths.Find(ops, path[..end]) is SelectiveChannelTransform selective)
            {
                return selective;
            }
        }

        return null;
    }

    private sealed class RenderState
    {
        private readonly double _maskFill;
        private readonly ItemLabels? _labels;
        private readonly List<BoxFate> _dropped = [];
        private readonly Dictionary<int, LabeledBox> _sources; // each box as the label file gave it, by its index
        private readonly Dictionary<int, List<(int Keypoint, int Run)>> _lostKeypoints = [];
        private List<LabeledBox> _boxes;
        private ImageBuffer _image;
        private List<ImageBuffer> _masks;
        private bool _imageOwned;
        private bool _masksOwned;

        public RenderState(ImageBuffer source, IReadOnlyList<ImageBuffer> masks, double maskFill, ItemLabels? labels)
        {
            _labels = labels;
            _boxes = labels is null ? [] : [.. labels.Boxes];
            _sources = labels?.Boxes.ToDictionary(b => b.Index) ?? [];
            _image = source;
            _masks = [.. masks];
            _maskFill = maskFill;
            Info = ImageInfo.Of(source);
            Run = new SpatialRun(Info.Size);
        }

        public ImageInfo Info { get; set; }

        public SpatialRun Run { get; private set; }

        public int Passes { get; private set; }

        public void Flush()
        {
            if (!Run.IsEmpty && !Run.IsIdentity)
            {
                using var resampling = BuildProfile.Measure("render.resample");
                var (image, masks) = Run.Apply(_image, _masks, _maskFill, MapBoxes);
                Run.ReleaseFields(); // the fields' arrays, reused by the next item's ops
                DisposeOwned();
                (_image, _masks, _imageOwned, _masksOwned) = (image, masks, true, true);
                Passes++;
            }

            Run = new SpatialRun(Info.Size);
        }

        // The run's mapping and filters for every box still kept (with the run's per-pixel map, before
        // the run gives its fields back).
        private void MapBoxes(OpenCv.NativeMap? map)
        {
            if (_labels is null || _boxes.Count == 0)
            {
                return;
            }

            var (width, height) = (Run.OutputSize.Width, Run.OutputSize.Height);
            var kept = new List<LabeledBox>(_boxes.Count);
            var mapped = BoxGeometry.MapAll(Run, _boxes.Select(b => b.Box).ToList(), map);
            foreach (var (box, i) in _boxes.Select((b, i) => (b, i)))
            {
                var fate = BoxFilter.Check(box, mapped[i], width, height, _labels.Settings, Passes + 1);
                if (fate.Kept)
                {
                    kept.Add(box with { Box = fate.Output!.Value, Keypoints = box.Keypoints is { } points ? MapKeypoints(box.Index, points, width, height) : null });
                }
                else
                {
                    _dropped.Add(fate with { Source = _sources[box.Index] });
                }
            }

            _boxes = kept;
        }

        // Keypoints take the run's mapping (edge coordinates through the centre-based mapping); under
        // remove_invisible one that leaves the frame is lost (written as not labelled), and the run noted.
        private List<Keypoint> MapKeypoints(int box, IReadOnlyList<Keypoint> points, int width, int height)
        {
            var mapped = new List<Keypoint>(points.Count);
            for (var k = 0; k < points.Count; k++)
            {
                var point = points[k];
                if (!point.IsLabelled)
                {
                    mapped.Add(point);
                    continue;
                }

                var (x, y) = Run.MapPoint(point.X - 0.5, point.Y - 0.5);
                var moved = point with { X = x + 0.5, Y = y + 0.5 };
                if (_labels!.Keypoints is { RemoveInvisible: true } && !moved.IsInside(width, height))
                {
                    mapped.Add(Keypoint.Unlabelled);
                    (_lostKeypoints.TryGetValue(box, out var lost) ? lost : _lostKeypoints[box] = []).Add((k, Passes + 1));
                }
                else
                {
                    mapped.Add(moved);
                }
            }

            return mapped;
        }

        public void ApplyPixel(IPixelOp op, IOpParams parameters, SelectiveChannelTransform? selective)
        {
            if (!_imageOwned)
            {
                _image = _image.Clone(); // pixel ops work in place; the source stays untouched
                _imageOwned = true;
            }

            if (selective is not null)
            {
                selective.ApplyTo(_image, sub => op.Apply(sub, parameters));
                return;
            }

            var result = op.Apply(_image, parameters);
            if (!ReferenceEquals(result, _image))
            {
                _image.Dispose();
                _image = result;
            }

            Info = ImageInfo.Of(_image);
        }

        public void ApplyRegion(IRegionOp op, IOpParams parameters)
        {
            if (!_imageOwned)
            {
                _image = _image.Clone();
                _imageOwned = true;
            }

            if (!_masksOwned)
            {
                _masks = _masks.Select(m => m.Clone()).ToList();
                _masksOwned = true;
            }

            op.Apply(_image, _masks, parameters);
            if (_labels is not null && op is IHidingRegionOp hiding)
            {
                var holes = hiding.HiddenRegions(parameters);
                var kept = new List<LabeledBox>(_boxes.Count);
                foreach (var box in _boxes)
                {
                    var source = _sources[box.Index];
                    if (BoxDropout.Apply(box, holes, _image.Width, _image.Height) is not { } visible)
                    {
                        _dropped.Add(new BoxFate(source, null, DropReason.Covered, Passes));
                    }
                    else if (BoxFilter.Check(visible, visible.Box, _image.Width, _image.Height, _labels.Settings, Passes) is { Kept: false } fate)
                    {
                        _dropped.Add(fate with { Source = source }); // a sliver left under min_area, min_width or min_height
                    }
                    else
                    {
                        kept.Add(visible);
                    }
                }

                _boxes = kept;
            }
        }

        public RenderResult Finish()
        {
            var image = _imageOwned ? _image : _image.Clone();
            var masks = _masksOwned ? _masks : _masks.Select(m => m.Clone()).ToList();
            return new RenderResult(image, masks, Passes, _labels is null ? null : LabelsResult(_labels));
        }

        private LabelResult LabelsResult(ItemLabels labels)
        {
            var fates = _boxes.Select(b => new BoxFate(_sources[b.Index], b.Box) { Keypoints = b.Keypoints, LostKeypoints = _lostKeypoints.GetValueOrDefault(b.Index) ?? [] })
                .Concat(_dropped).Concat(labels.Invalid).OrderBy(f => f.Source.Index).ToList();
            return new LabelResult(_boxes, fates);
        }

        public void DisposeOwned()
        {
            if (_imageOwned)
            {
                _image.Dispose();
            }

            if (_masksOwned)
            {
                _masks.ForEach(m => m.Dispose());
            }
        }
    }
}
