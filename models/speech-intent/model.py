"""Speech-intent network: log-mel [B, T, 40] (any T) -> intent, procedure, facility and language probabilities.

Residual temporal convolutions (mel bins as channels): a stride-4 stem, then blocks at 40, 80 and 160 ms
steps, mean + max pooling over time. Each mel band's mean over the utterance is subtracted in the graph (gain and channel invariance).
"""

import torch
from torch import nn


class ResBlock(nn.Module):
    def __init__(self, c, k, dilation=1):
        super().__init__()
        self.conv = nn.Conv1d(c, c, k, padding=dilation * (k - 1) // 2, dilation=dilation, bias=False)
        self.bn = nn.BatchNorm1d(c)

    def forward(self, x):
        return torch.relu(x + self.bn(self.conv(x)))


def down(c):
    return nn.Sequential(nn.Conv1d(c, c, 3, stride=2, padding=1, bias=False), nn.BatchNorm1d(c), nn.ReLU())


class IntentNet(nn.Module):
    def __init__(self, n_intents, n_procedures, n_facilities, n_langs=4, n_mels=40, c=64):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv1d(n_mels, c, 5, stride=4, padding=2, bias=False), nn.BatchNorm1d(c), nn.ReLU())
        self.body = nn.Sequential(ResBlock(c, 5), ResBlock(c, 5, 2), down(c), ResBlock(c, 5), ResBlock(c, 5, 2),
                                  ResBlock(c, 5, 4), down(c), ResBlock(c, 3), ResBlock(c, 3, 2))
        self.shared = nn.Sequential(nn.Linear(2 * c, 192), nn.ReLU(), nn.Dropout(0.2))
        self.intent = nn.Linear(192, n_intents)
        self.procedure = nn.Linear(192, n_procedures)
        self.facility = nn.Linear(192, n_facilities)
        self.language = nn.Linear(192, n_langs)

    def forward(self, feats):
        # per-band mean over time (cepstral mean normalisation): removes much of a voice's and a
        # microphone's spectral colour, the main gap between synthetic training voices and new speakers
        x = feats - feats.mean(dim=1, keepdim=True)
        x = self.body(self.stem(x.transpose(1, 2)))
        h = self.shared(torch.cat([x.mean(dim=2), x.amax(dim=2)], dim=1))
        return self.intent(h), self.procedure(h), self.facility(h), self.language(h)


class IntentEnsemble(nn.Module):
    """Several trained nets as one: each head's log of the nets' mean probabilities (so that softmax, as
    IntentExport applies it, gives the mean)."""

    def __init__(self, nets):
        super().__init__()
        self.nets = nn.ModuleList(nets)

    def forward(self, feats):
        outs = [n(feats) for n in self.nets]
        return tuple(torch.log(torch.stack([torch.softmax(o[h], 1) for o in outs]).mean(0)) for h in range(4))


class IntentExport(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, feats):
        a, b, c, d = self.net(feats)
        return torch.softmax(a, 1), torch.softmax(b, 1), torch.softmax(c, 1), torch.softmax(d, 1)
