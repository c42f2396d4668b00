using Augment.Core.Cache;
using Augment.Core.Config;
using Augment.Core.Diagnostics;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.OpenCv;
using Augment.Core.Ops;
using Augment.Core.Pipeline;

namespace Augment.Core.Dataset;

/// <summary>
/// Renders the variants of one source that need it: the image and masks are read and decoded once,
/// the label file read once (the bytes hashed are the bytes decoded), each variant is rendered, encoded and put into the
/// content store; once a <see cref="DurableBatch{T}"/> has made its objects durable,
/// <see cref="Commit"/> writes its key record and materialises it in the output folder.
/// </summary>
internal sealed class SourceRenderer(AugmentConfig config, BuildLayout layout, ContentStore store, KeyStore keys, CocoSource? coco = null, bool writeOutputs = true)
{
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    /// <summary>
    /// Renders; returns the key record of each variant (its objects written but not yet synced, its
    /// key record not yet written: see <see cref="Commit"/>), or the error that failed the source or variant.
    /// </summary>
    public IReadOnlyList<(ItemPlan Plan, KeyRecord? Record, BuildError? Error)> Render(IReadOnlyList<ItemPlan> plans, CancellationToken cancellation)
    {
        var source = plans[0].Output.Source;
        var results = new List<(ItemPlan, KeyRecord?, BuildError?)>(plans.Count);
        ImageBuffer? image = null;
        var masks = new List<ImageBuffer>();
        ItemLabels? labels = null;
        try
        {
            image = Decode(source.Image, plans[0].SourceSha256);
            foreach (var mask in source.Masks)
            {
                masks.Add(Decode(mask, plans[0].SourceSha256));
                if (masks[^1].Width != image.Width || masks[^1].Height != image.Height || masks[^1].Channels != 1)
                {
                    throw new InvalidImageException(Path.Combine(config.Directory, mask),
                        $"the mask is {masks[^1]} but its image {source.Image} is {image.Width}x{image.Height}; a mask has one channel and the image's size");
                }
            }

            labels = source.Labels is { } labelFile ? SourceLabels.Read(config, labelFile, plans[0].SourceSha256, image.Width, image.Height)
                : coco is not null ? SourceLabels.FromCoco(config, coco, coco.EntryOf(source), image.Width, image.Height)
                : null;
        }
        catch (InvalidLabelsException e)
        {
            image?.Dispose();
            masks.ForEach(m => m.Dispose());
            var error = new BuildError(BuildErrorCode.InvalidLabels, e.FilePath, e.Reason, e.Line);
            return plans.Select(p => (p, (KeyRecord?)null, (BuildError?)error)).ToList();
        }
        catch (Exception e) when (e is InvalidImageException or IOException or UnauthorizedAccessException)
        {
            var error = e is InvalidImageException bad ? new BuildError(BuildErrorCode.InvalidImage, bad.FilePath, bad.Reason) : new BuildError(BuildErrorCode.Unreadable, Path.Combine(config.Directory, source.Image), e.Message);
            image?.Dispose();
            masks.ForEach(m => m.Dispose());
            return plans.Select(p => (p, (KeyRecord?)null, (BuildError?)error)).ToList();
        }

        using (image)
        {
            foreach (var plan in plans)
            {
                cancellation.ThrowIfCancellationRequested();
                try
                {
                    results.Add((plan, RenderVariant(plan, image, masks, labels), null));
                }
                catch (Exception e) when (e is OpApplicationException or AugmentNativeException or ArgumentException)
                {
                    results.Add((plan, null, new BuildError(BuildErrorCode.RenderFailed, Path.Combine(config.Directory, source.Image), $"variant {plan.Output.Variant}: {e.Message}")));
                }
            }
        }

        masks.ForEach(m => m.Dispose());
        return results;
    }

    private KeyRecord RenderVariant(ItemPlan plan, ImageBuffer image, IReadOnlyList<ImageBuffer> masks, ItemLabels? labels)
    {
        var output = plan.Output;
        var (record, result) = ItemRenderer.Render(config, output.Source.Image, output.Variant, image, masks, labels);
        using (result)
        {
            var sourceFormat = ImageFormats.FromExtension(output.Source.Image) ?? ImageFormat.Png;
            var imageSha = Store(Encode(() => ImageCodec.EncodeOutput(result.Image, config.OutputFormat.SettingsFor(sourceFormat), output.Image)));
            var maskShas = result.Masks.Select((m, i) => Store(Encode(() => ImageCodec.Encode(m, DatasetPlanner.MaskEncoding, output.Masks[i])))).ToList();
            var json = record.ToJson();
            string? labelsSha = null;
            if (result.Labels is { } kept)
            {
                if (output.Labels is not null)
                {
                    var target = new LabelTarget(output.Image, result.Image.Width, result.Image.Height, result.Image.Channels, config.Labels!.Keypoints?.Dims ?? 3);
                    labelsSha = Store(config.Labels!.Boxes.LabelFormat.Write(kept.Kept, target));
                }
                else
                {
                    json["size"] = new Newtonsoft.Json.Linq.JArray(result.Image.Width, result.Image.Height); // for the output COCO file
                    json["labels"] = CocoOutput.Annotations(kept.Kept);
                }

                json["boxes"] = BoxFateJson.ToJson(kept.Fates);
            }

            return new KeyRecord(imageSha, maskShas, json.ToString(Newtonsoft.Json.Formatting.None), labelsSha);
        }
    }

    /// <summary>The cache objects of a rendered item, for a sync that falls back to fsync per file.</summary>
    public IReadOnlyList<string> ObjectPaths(KeyRecord record) => [.. record.Objects.Select(store.PathOf)];

    /// <summary>Once the item's objects are durable: writes its key record and materialises its outputs.</summary>
    public void Commit(ItemPlan plan, KeyRecord record)
    {
        using (BuildProfile.Measure("render.key-record"))
        {
            keys.Write(plan.Key!, record, durable: false); // synced with the next group
        }

        if (writeOutputs)
        {
            using (BuildProfile.Measure("render.materialize"))
            {
                Materialize(plan.Output, record);
            }
        }
    }

    private static byte[] Encode(Func<byte[]> encode)
    {
        using (BuildProfile.Measure("render.encode"))
        {
            return encode();
        }
    }

    private string Store(byte[] bytes)
    {
        using (BuildProfile.Measure("render.store"))
        {
            return store.Put(bytes, durable: false);
        }
    }

    public void Materialize(OutputItem output, KeyRecord record)
    {
        foreach (var (relative, sha) in output.Files.Zip(record.Objects))
        {
            store.Materialize(sha, Prepare(relative));
        }
    }

    private string Prepare(string relative)
    {
        var full = layout.OutputPath(relative);
        var folder = Path.GetDirectoryName(full)!;
        // Once per folder and build, not a mkdir(2) per output (nothing removes folders while items render).
        bool known;
        lock (_folders)
        {
            known = _folders.Contains(folder);
        }

        if (!known)
        {
            Directory.CreateDirectory(folder);
            lock (_folders)
            {
                _folders.Add(folder);
            }
        }

        return full;
    }

    private ImageBuffer Decode(string relative, IReadOnlyDictionary<string, string> expectedSha)
    {
        var full = Path.Combine(config.Directory, relative);
        // A pooled buffer: sources are mostly over 85 KB, and a fresh array each would be garbage on
        // the large object heap by the time the image is decoded.
        byte[] buffer;
        int length;
        using (BuildProfile.Measure("render.read"))
        {
            (buffer, length) = ReadPooled(full);
        }

        try
        {
            var bytes = buffer.AsMemory(0, length);
            // The planner hashed this file; if it changed since, the key would be wrong: fail the item.
            using (BuildProfile.Measure("render.hash-source"))
            {
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.Span));
                if (expectedSha.TryGetValue(relative, out var expected) && expected != sha)
                {
                    throw new InvalidImageException(full, "the file changed during the build; build again");
                }
            }

            using (BuildProfile.Measure("render.decode"))
            {
                return ImageCodec.Decode(bytes, full, config.Limits); // decoded into native memory: the buffer is free after
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (byte[] Buffer, int Length) ReadPooled(string path)
    {
        using var handle = File.OpenHandle(path);
        var size = RandomAccess.GetLength(handle);
        if (size > Array.MaxLength)
        {
            throw new IOException($"{path} is too large to read ({size} bytes)");
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)size);
        var read = 0;
        while (read < size)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)size - read), read);
            if (n == 0)
            {
                break; // it shrank while being read: the hash check fails the item
            }

            read += n;
        }

        return (buffer, read);
    }
}
