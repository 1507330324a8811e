Console.WriteLine("model benchmark: not written yet");
