using System.Collections;
using System.Globalization;
using System.Reflection;

namespace NotebookEngine;

// Why this file: a cell that ends with an expression shows its value, and `display(x)` shows x. The
// notebooks were written against the VS Code kernel's plain-text formatter, so values are shown the
// same way (strings as they are, <null>, [ 1, 2, 3 ] with at most 20 items), and the snapshots read
// like what a learner sees in VS Code. Culture-invariant, so a snapshot does not depend on the machine.

/// <summary>Turns a value into the text a notebook shows for it.</summary>
public static class ValueFormatter
{
    /// <summary>How many items of a sequence are shown (the kernel's ListExpansionLimit).</summary>
    public const int ListLimit = 20;

    public static string Format(object? value) => Format(value, depth: 0);

    static string Format(object? value, int depth)
    {
        switch (value)
        {
            case null: return "<null>";
            case string s: return s;
            case char c: return c.ToString();
            case bool b: return b ? "True" : "False";
            case DateTime d: return d.ToString("u", CultureInfo.InvariantCulture);
            case DateTimeOffset d: return d.ToString("u", CultureInfo.InvariantCulture);
            case Type t: return t.ToString();
            case Exception e: return $"{e.GetType().FullName}: {e.Message}";
            case IFormattable f when value.GetType().IsPrimitive || value is decimal || value is Enum || value is TimeSpan:
                return f.ToString(null, CultureInfo.InvariantCulture);
            case IEnumerable sequence when depth < 3:
                return FormatSequence(sequence, depth);
        }

        var type = value.GetType();
        // Records, tuples, anonymous types and most library types say best themselves what they are.
        if (OverridesToString(type) || depth >= 3)
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod != null)
            .Select(p => $"{p.Name}: {ReadProperty(p, value, depth)}");
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance)
            .Select(f => $"{f.Name}: {Format(f.GetValue(value), depth + 1)}");
        var members = properties.Concat(fields).ToList();
        return members.Count == 0 ? TypeName(type) : $"{TypeName(type)} {{ {string.Join(", ", members)} }}";
    }

    static string FormatSequence(IEnumerable sequence, int depth)
    {
        var items = new List<string>();
        var hasMore = false;
        var enumerator = sequence.GetEnumerator();
        try
        {
            while (enumerator.MoveNext())
            {
                if (items.Count == ListLimit) { hasMore = true; break; }
                items.Add(Format(enumerator.Current, depth + 1));
            }
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }

        var text = items.Count == 0 ? "[ ]" : $"[ {string.Join(", ", items)} ]";
        if (!hasMore) return text;
        // A collection knows how many items were left out; a lazy sequence may be endless, so it is not counted.
        return sequence is ICollection collection
            ? $"{text} ... ({collection.Count - ListLimit} more)"
            : $"{text} ... (more)";
    }

    static string ReadProperty(PropertyInfo property, object owner, int depth)
    {
        try
        {
            return Format(property.GetValue(owner), depth + 1);
        }
        catch (TargetInvocationException e)
        {
            return $"<{e.InnerException?.GetType().Name ?? "error"}>";
        }
    }

    static bool OverridesToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring
        && declaring != typeof(object) && declaring != typeof(ValueType);

    static string TypeName(Type type)
    {
        if (!type.IsGenericType) return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }
}
