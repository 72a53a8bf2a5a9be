"""Wake word network: log-mel window [B, T, 40] -> logits [B, 3] (none, xin_chao_robot, hello_robot).

A small temporal convolution net (TC-ResNet-like, depthwise-separable blocks, mel bins as channels).
The window's mean log energy is subtracted inside the graph, so the input gain does not matter.
"""

import torch
from torch import nn


class DSBlock(nn.Module):
    def __init__(self, c, k, dilation=1):
        super().__init__()
        pad = dilation * (k - 1) // 2
        self.dw = nn.Conv1d(c, c, k, padding=pad, dilation=dilation, groups=c, bias=False)
        self.pw = nn.Conv1d(c, c, 1, bias=False)
        self.bn = nn.BatchNorm1d(c)

    def forward(self, x):
        return torch.relu(x + self.bn(self.pw(self.dw(x))))


class WakeNet(nn.Module):
    def __init__(self, n_mels=40, c=64, n_out=3):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv1d(n_mels, c, 5, stride=2, padding=2, bias=False), nn.BatchNorm1d(c), nn.ReLU())
        self.s1 = nn.Sequential(DSBlock(c, 9), DSBlock(c, 9, 2))
        self.down2 = nn.Sequential(nn.Conv1d(c, c, 3, stride=2, padding=1, bias=False), nn.BatchNorm1d(c), nn.ReLU())
        self.s2 = nn.Sequential(DSBlock(c, 9), DSBlock(c, 9, 2))
        self.down3 = nn.Sequential(nn.Conv1d(c, c, 3, stride=2, padding=1, bias=False), nn.BatchNorm1d(c), nn.ReLU())
        self.s3 = nn.Sequential(DSBlock(c, 5), DSBlock(c, 5, 2))
        self.head = nn.Sequential(nn.Linear(2 * c, 64), nn.ReLU(), nn.Linear(64, n_out))

    def forward(self, feats):  # feats: [B, T, n_mels]
        x = feats - feats.mean(dim=(1, 2), keepdim=True)
        x = x.transpose(1, 2)
        x = self.s1(self.stem(x))
        x = self.s2(self.down2(x))
        x = self.s3(self.down3(x))
        pooled = torch.cat([x.mean(dim=2), x.amax(dim=2)], dim=1)
        return self.head(pooled)


class WakeNetExport(nn.Module):
    """What goes into the ONNX file: softmax probabilities."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, feats):
        return torch.softmax(self.net(feats), dim=1)
