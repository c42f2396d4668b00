using Augment.Core.Cache;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Cache;

/// <summary>
/// AtomicFile.Write makes a missing folder itself, once it finds it missing (Cache/AtomicFile.cs):
/// threads writing into one new folder at once must all succeed, whichever of them makes it.
/// </summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Threads_writing_into_one_missing_folder_all_succeed()
    {
        for (var round = 0; round < 200; round++)
        {
            var folder = Path.Combine(_temp.Path, $"r{round}", "ab");
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
                AtomicFile.Write(Path.Combine(folder, $"f{i}"), [(byte)round, (byte)i], durable: false));
            for (var i = 0; i < 8; i++)
            {
                Assert.Equal(new[] { (byte)round, (byte)i }, File.ReadAllBytes(Path.Combine(folder, $"f{i}")));
            }

            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        }
    }

    public void Dispose() => _temp.Dispose();
}
