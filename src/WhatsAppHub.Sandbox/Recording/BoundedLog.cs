namespace WhatsAppHub.Sandbox.Recording;

/// <summary>A thread-safe append-only log that forgets its oldest entries beyond a capacity (bounded memory).</summary>
public class BoundedLog<T>(int capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<T> _items = new();

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.AddLast(item);
            while (_items.Count > Math.Max(1, capacity))
            {
                _items.RemoveFirst();
            }
        }
    }

    /// <summary>Oldest first (newest last).</summary>
    public IReadOnlyList<T> Snapshot(Func<T, bool>? filter = null)
    {
        lock (_gate)
        {
            return filter is null ? _items.ToList() : _items.Where(filter).ToList();
        }
    }

    public T? FindLast(Func<T, bool> match)
    {
        lock (_gate)
        {
            for (var node = _items.Last; node is not null; node = node.Previous)
            {
                if (match(node.Value))
                {
                    return node.Value;
                }
            }
            return default;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }
}
