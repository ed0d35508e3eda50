using System.Text;
using NotebookEngine;

namespace NotebookEngine
{
    // Why this file: a concurrency notebook prints from worker threads, thread-pool callbacks and child
    // tasks. The VS Code kernel routes Console output by AsyncLocal, which loses what a new Thread writes;
    // here one writer takes output from ANY thread while a cell runs, so the demos' output is kept.
    // That is also why two notebooks must never run at the same time in one process (the runner waits
    // for the previous run to end).

    /// <summary>Console.Out and Console.Error while a notebook runs: collects the current cell's output.</summary>
    internal sealed class CellOutput(TextWriter? live) : TextWriter
    {
        readonly Lock gate = new();
        StringBuilder? current;

        public override Encoding Encoding => Encoding.UTF8;

        /// <summary>Starts collecting a new cell's output.</summary>
        public void Begin()
        {
            lock (gate) current = new StringBuilder();
        }

        /// <summary>Stops collecting and returns what the cell wrote. Later writes (from work the cell did not wait for) are dropped.</summary>
        public string End()
        {
            lock (gate)
            {
                var text = current?.ToString() ?? "";
                current = null;
                return text;
            }
        }

        public override void Write(char value)
        {
            lock (gate)
            {
                if (current == null) return;
                current.Append(value);
                live?.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (gate)
            {
                if (current == null || value == null) return;
                current.Append(value);
                live?.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Flush()
        {
            lock (gate) live?.Flush();
        }
    }

    /// <summary>
    /// The globals of every cell. Like the kernel's <c>using static Microsoft.DotNet.Interactive.Kernel</c>,
    /// it makes <c>display(x)</c> available in script code.
    /// </summary>
    public sealed class ScriptGlobals
    {
        internal ScriptGlobals() { }

        /// <summary>Shows a value in the cell's output, formatted as the kernel does.</summary>
#pragma warning disable IDE1006 // The kernel's name is lower case, and notebooks call it so.
        public void display(object? value) => Displayer.Show(value);
#pragma warning restore IDE1006
    }

    /// <summary>Where display output goes: the console of the running cell.</summary>
    internal static class Displayer
    {
        public static void Show(object? value) => Console.Out.WriteLine(ValueFormatter.Format(value));
    }
}

namespace System
{
    /// <summary>The kernel's <c>x.Display()</c>: in namespace System so every cell sees it without a using.</summary>
    public static class NotebookDisplayExtensions
    {
        /// <summary>Shows the value in the cell's output, formatted as the kernel does.</summary>
        public static void Display<T>(this T value) => Displayer.Show(value);
    }
}
