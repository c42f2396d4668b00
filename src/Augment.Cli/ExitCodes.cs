using Augment.Core.Config;
using Augment.Core.Dataset;
using Augment.Core.OpenCv;

namespace Augment.Cli;

/// <summary>The tool's exit codes (PRODUCT.md section 8) and the one place that maps failures to them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int ItemsFailed = 1;
    public const int BadUsageOrEnvironment = 2;
    public const int Locked = 3;
    public const int Cancelled = 130;

    /// <summary>
    /// Runs a command; a native library that cannot be loaded becomes one clear line and exit code 2,
    /// not a stack trace.
    /// </summary>
    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (AugmentNativeException e)
        {
            Diagnostics.General(Diagnostics.Environment, e.Message);
            return BadUsageOrEnvironment;
        }
        catch (ConfigException e)
        {
            Diagnostics.Config(e);
            return BadUsageOrEnvironment;
        }
        catch (Augment.Core.Cache.SharedCacheUnavailableException e)
        {
            Diagnostics.General(Diagnostics.SharedCache, e.Message);
            return BadUsageOrEnvironment;
        }
        catch (Augment.Core.Cache.SharedCacheRefusedException e)
        {
            Diagnostics.General(Diagnostics.SharedCache, e.Message);
            return BadUsageOrEnvironment;
        }
        catch (OutputLockedException e)
        {
            Diagnostics.General(Diagnostics.Locked, e.Message);
            return Locked;
        }
        catch (FileNotFoundException e)
        {
            if (Diagnostics.MsBuildFormat && e.FileName is { Length: > 0 } file)
            {
                Diagnostics.File(Diagnostics.NotFound, file, e.Message);
            }
            else
            {
                Diagnostics.General(Diagnostics.NotFound, e.Message);
            }

            return BadUsageOrEnvironment;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled; the next build finishes the job");
            return Cancelled;
        }
    }
}
