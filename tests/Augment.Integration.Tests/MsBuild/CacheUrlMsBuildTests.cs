using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// docs/distributed.md through `dotnet build` of a package-consuming dataset project: AugmentCacheUrl
/// points the engine at a real nginx (with basic auth); what the build rendered is uploaded, and the
/// URL's password appears nowhere in MSBuild's log, even at normal verbosity, which shows the engine's command line (the URL goes to the
/// engine in its environment, not on its command line). A server that is down is warning AUG1009.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class CacheUrlMsBuildTests(PackageFeed feed)
{
    [Fact]
    public void AugmentCacheUrl_uploads_what_the_build_rendered_and_never_logs_the_password()
    {
        using var server = new NginxServer(("builder", "s3cret-pa55"));
        using var project = new DatasetProject(feed);
        var result = project.Build(null, $"-p:AugmentCacheUrl={server.UrlWith("builder", "s3cret-pa55")}", "-v:n");
        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = DatasetProject.Summary(result);
        Assert.True(summary.Rendered > 0, result.ToString());
        var puts = server.Requests().Where(r => r is { Method: "PUT", Status: 201 or 204 }).ToList();
        Assert.Equal(summary.Rendered, puts.Count(r => r.Path.StartsWith("/ac/", StringComparison.Ordinal)));
        Assert.DoesNotContain("s3cret-pa55", result.StandardOutput + result.StandardError, StringComparison.Ordinal);

        server.Stop();
        File.WriteAllText(project.Combine("augment.yaml"), File.ReadAllText(project.Combine("augment.yaml")).Replace("seed: 11", "seed: 12", StringComparison.Ordinal));
        var down = project.Build(null, $"-p:AugmentCacheUrl={server.Url}");
        Assert.True(down.ExitCode == 0, down.ToString());
        // One warning from the engine (MSBuild repeats it in its summary after "Build succeeded.").
        var log = down.StandardOutput[..down.StandardOutput.IndexOf("Build succeeded.", StringComparison.Ordinal)];
        Assert.Single(log.Split('\n'), l => l.Contains("warning AUG1009", StringComparison.Ordinal) && l.Contains(server.Url, StringComparison.Ordinal));
    }
}
