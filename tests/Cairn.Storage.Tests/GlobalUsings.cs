global using Cairn.Storage;
