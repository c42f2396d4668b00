using System.Diagnostics;
using System.Globalization;
using Augment.Core.Platform;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Platform;

/// <summary>
/// A file's identity comes from statx(2) through the C library (Platform/LibC.cs, no OpenCV loaded);
/// it must be what stat(1) reports, field by field, or every stat record and stamp would be wrong.
/// </summary>
public sealed class FileIdentityTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_identity_is_what_stat_reports()
    {
        var path = _temp.Write("a.bin", new byte[1234]);
        File.SetLastWriteTimeUtc(path, new DateTime(2023, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567));

        var identity = NativeFiles.Identity(path);

        var fields = Stat(path);
        Assert.Equal(long.Parse(fields[0], CultureInfo.InvariantCulture), identity.Size);
        Assert.Equal(ulong.Parse(fields[1], CultureInfo.InvariantCulture), identity.Inode);
        Assert.Equal(ulong.Parse(fields[2], CultureInfo.InvariantCulture), identity.Device);
        var seconds = fields[3].Split('.');
        Assert.Equal((long.Parse(seconds[0], CultureInfo.InvariantCulture) * 1_000_000_000) + long.Parse(seconds[1], CultureInfo.InvariantCulture), identity.ModifiedNanoseconds);
        Assert.Equal(123_456_700, identity.ModifiedNanoseconds % 1_000_000_000);
    }

    [Fact]
    public void A_hard_link_shares_the_identity_and_a_copy_does_not()
    {
        var path = _temp.Write("a.bin", [1, 2, 3]);
        var copy = Path.Combine(_temp.Path, "copy.bin");
        File.Copy(path, copy);
        var time = new DateTime(2022, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, time);
        File.SetLastWriteTimeUtc(copy, time);
        var link = Path.Combine(_temp.Path, "link.bin");
        Assert.True(NativeFiles.TryHardLink(path, link));

        Assert.Equal(NativeFiles.Identity(path), NativeFiles.Identity(link));
        Assert.NotEqual(NativeFiles.Identity(path).Inode, NativeFiles.Identity(copy).Inode);
        Assert.Equal(NativeFiles.Identity(path) with { Inode = 0 }, NativeFiles.Identity(copy) with { Inode = 0 });
    }

    [Fact]
    public void A_missing_file_has_no_identity_and_the_error_names_it()
    {
        var missing = Path.Combine(_temp.Path, "missing.png");
        Assert.False(NativeFiles.TryIdentity(missing, out _));
        var error = Assert.Throws<IOException>(() => NativeFiles.Identity(missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("No such file", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static string[] Stat(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("stat", ["-c", "%s %i %d %.9Y", path]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Split(' ');
    }
}
