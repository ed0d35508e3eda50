using Xunit.Sdk;

namespace Coroutines.Tests;

/// <summary>A fresh empty directory that child processes can leave marks in; deleted at the end of the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("coroutines-kata-").FullName;

    /// <summary>
    /// Waits until the directory holds <paramref name="count"/> files. Fails fast with
    /// <paramref name="whatWentWrong"/> if that takes more than 10 s, or if <paramref name="work"/>
    /// ends (for example with an exception) before it happens.
    /// </summary>
    public async Task WaitForFiles(int count, Task work, string whatWentWrong)
    {
        var deadline = DateTime.UtcNow + Within.Default;
        while (Count() < count)
        {
            if (work.IsCompleted)
            {
                await work; // Shows the exception it ended with, if any.
                throw new XunitException($"{whatWentWrong} It finished when only {Count()} of {count} had started.");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new XunitException(
                    $"{whatWentWrong} After {Within.Default.TotalSeconds:0} s only {Count()} of {count} had started.");
            }
            await Task.Delay(20);
        }
    }

    public int Count() => Directory.GetFiles(Path).Length;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A straggling process may still be writing; the system cleans its temp folder anyway.
        }
    }
}
