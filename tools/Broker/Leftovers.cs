namespace Broker;

/// <summary>
/// Each private server lives in a folder named after the process that started it, with the pids it started.
/// If that process died without cleaning up (killed, crashed), the next start stops those pids and removes the folder.
/// </summary>
internal static class Leftovers
{
    public static void Remember(string directory, string file, int pid) =>
        File.WriteAllText(Path.Combine(directory, file), pid.ToString());

    public static int? Read(string directory, string file)
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(directory, file)).Trim(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void CleanUp(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }
        foreach (var directory in Directory.GetDirectories(root))
        {
            var owner = Read(directory, "owner.pid");
            if (owner is not null && Processes.IsAlive(owner.Value))
            {
                continue; // someone else's live broker (another test run at the same time)
            }
            Processes.KillIfItIs(Read(directory, "beam.pid"), "beam");
            Processes.KillIfItIs(Read(directory, "launcher.pid"), "su");
            Processes.KillIfItIs(Read(directory, "launcher.pid"), "rabbitmq");
            Processes.KillIfItIs(Read(directory, "epmd.pid"), "epmd");
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
