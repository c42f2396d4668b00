using System.Text;
using Augment.Core.OpenCv;

namespace Augment.Core.Dataset;

/// <summary>
/// What a complete build left behind to prove, with one stat per file and without reading the
/// config's pipeline, a single image or OpenCV, that the next build has nothing to do:
/// <c>.augment/up-to-date</c>. It names the config (path and SHA-256), the tool, the options that
/// place the output and cache, the engine's libraries, every folder the input globs read, every
/// source file, and every output file and manifest.json, each with its identity (size, mtime,
/// inode, device). <see cref="UpToDateCheck"/> trusts it only while all of those are unchanged; a
/// build deletes it before it changes anything and writes it only when every item is built.
/// Folders and sources must be older than the build that wrote it (<see cref="AsOf"/>, git's
/// racy-file rule): a file changed while that build ran is never vouched for.
/// </summary>
internal sealed record UpToDateStamp
{
    public const string FileName = "up-to-date";

    private const string Magic = "augment-up-to-date";
    private const int FormatVersion = 2;

    public required string Tool { get; init; }

    public required string ConfigPath { get; init; }

    public required string ConfigSha256 { get; init; }

    public required string OutputDir { get; init; }

    public required string CacheDir { get; init; }

    /// <summary>What else decides which engine a process loads (LD_LIBRARY_PATH, the OpenCV library override).</summary>
    public required string Environment { get; init; }

    /// <summary>OpenCV's native library this tool loads (its first existing candidate path).</summary>
    public required string EngineLibraryPath { get; init; }

    /// <summary>The modification time of a file created as the build began, on the output's file system (ns).</summary>
    public required long AsOf { get; init; }

    /// <summary>Every shared library the build had mapped: OpenCV's and what it links.</summary>
    public required StampedFiles EngineFiles { get; init; }

    public required StampedFiles Folders { get; init; }

    /// <summary>Source images and masks.</summary>
    public required StampedFiles Sources { get; init; }

    /// <summary>Output images, masks and manifest.json.</summary>
    public required StampedFiles Outputs { get; init; }

    public required IReadOnlyList<(string Image, int Variant, string Source)> Items { get; init; }

    public static string PathIn(string stateDir) => System.IO.Path.Combine(stateDir, FileName);

    /// <summary>The environment variables that choose the engine's libraries, as one string.</summary>
    public static string CurrentEnvironment() =>
        $"LD_LIBRARY_PATH={System.Environment.GetEnvironmentVariable("LD_LIBRARY_PATH")}\n" +
        $"LD_PRELOAD={System.Environment.GetEnvironmentVariable("LD_PRELOAD")}\n" +
        $"{NativeLibraryLoader.PathVariable}={System.Environment.GetEnvironmentVariable(NativeLibraryLoader.PathVariable)}\n";

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            foreach (var text in new[] { Tool, ConfigPath, ConfigSha256, OutputDir, CacheDir, Environment, EngineLibraryPath })
            {
                writer.Write(text);
            }

            writer.Write(AsOf);
            foreach (var files in new[] { EngineFiles, Folders, Sources, Outputs })
            {
                files.Write(writer);
            }

            writer.Write(Items.Count);
            foreach (var (image, variant, source) in Items)
            {
                writer.Write(image);
                writer.Write(variant);
                writer.Write(source);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The stamp in <paramref name="bytes"/>, or null when it is not one this version wrote.</summary>
    public static UpToDateStamp? FromBytes(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
            {
                return null;
            }

            return new UpToDateStamp
            {
                Tool = reader.ReadString(),
                ConfigPath = reader.ReadString(),
                ConfigSha256 = reader.ReadString(),
                OutputDir = reader.ReadString(),
                CacheDir = reader.ReadString(),
                Environment = reader.ReadString(),
                EngineLibraryPath = reader.ReadString(),
                AsOf = reader.ReadInt64(),
                EngineFiles = StampedFiles.Read(reader),
                Folders = StampedFiles.Read(reader),
                Sources = StampedFiles.Read(reader),
                Outputs = StampedFiles.Read(reader),
                Items = ReadItems(reader),
            };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null; // truncated or damaged: the build checks everything itself
        }
    }

    private static List<(string, int, string)> ReadItems(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var items = new List<(string, int, string)>(Math.Max(0, count));
        for (var i = 0; i < count; i++)
        {
            items.Add((reader.ReadString(), reader.ReadInt32(), reader.ReadString()));
        }

        return items;
    }
}
