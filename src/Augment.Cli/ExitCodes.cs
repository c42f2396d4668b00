using Augment.Core.Config;
using Augment.Core.Dataset;
using Augment.Core.Interop;

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
            Console.Error.WriteLine($"error: {e.Message}");
            return BadUsageOrEnvironment;
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"error {e.Code}: {e.Message}");
            return BadUsageOrEnvironment;
        }
        catch (OutputLockedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Locked;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadUsageOrEnvironment;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled; the next build finishes the job");
            return Cancelled;
        }
    }
}
