"""Speech-intent network: log-mel [B, T, 40] (any T) -> intent, procedure, facility and language probabilities.

Depthwise-separable temporal convolutions (mel bins as channels), three stride-2 stages, mean + max pooling
over time. The input's maximum log energy is subtracted in the graph (gain invariance that silence padding
does not change).
"""

import torch
from torch import nn


class DSBlock(nn.Module):
    def __init__(self, c, k, dilation=1):
        super().__init__()
        self.dw = nn.Conv1d(c, c, k, padding=dilation * (k - 1) // 2, dilation=dilation, groups=c, bias=False)
        self.pw = nn.Conv1d(c, c, 1, bias=False)
        self.bn = nn.BatchNorm1d(c)

    def forward(self, x):
        return torch.relu(x + self.bn(self.pw(self.dw(x))))


def down(c_in, c_out):
    return nn.Sequential(nn.Conv1d(c_in, c_out, 3, stride=2, padding=1, bias=False), nn.BatchNorm1d(c_out), nn.ReLU())


class IntentNet(nn.Module):
    def __init__(self, n_intents, n_procedures, n_facilities, n_langs=4, n_mels=40, c=128):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv1d(n_mels, c, 5, stride=2, padding=2, bias=False), nn.BatchNorm1d(c), nn.ReLU())
        self.s1 = nn.Sequential(DSBlock(c, 9), DSBlock(c, 9, 2))
        self.d2 = down(c, c)
        self.s2 = nn.Sequential(DSBlock(c, 9), DSBlock(c, 9, 2), DSBlock(c, 9, 4))
        self.d3 = down(c, c)
        self.s3 = nn.Sequential(DSBlock(c, 9), DSBlock(c, 9, 2), DSBlock(c, 9, 4))
        self.shared = nn.Sequential(nn.Linear(2 * c, 192), nn.ReLU(), nn.Dropout(0.2))
        self.intent = nn.Linear(192, n_intents)
        self.procedure = nn.Linear(192, n_procedures)
        self.facility = nn.Linear(192, n_facilities)
        self.language = nn.Linear(192, n_langs)

    def forward(self, feats):
        x = feats - feats.amax(dim=(1, 2), keepdim=True)
        x = x.transpose(1, 2)
        x = self.s1(self.stem(x))
        x = self.s3(self.d3(self.s2(self.d2(x))))
        h = self.shared(torch.cat([x.mean(dim=2), x.amax(dim=2)], dim=1))
        return self.intent(h), self.procedure(h), self.facility(h), self.language(h)


class IntentExport(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, feats):
        a, b, c, d = self.net(feats)
        return torch.softmax(a, 1), torch.softmax(b, 1), torch.softmax(c, 1), torch.softmax(d, 1)
