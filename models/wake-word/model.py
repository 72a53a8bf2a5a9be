"""Wake word network: log-mel window [B, T, 40] -> logits [B, 3] (none, xin_chao_robot, hello_robot).

A small temporal convolution net (mel bins as channels, TC-ResNet-like): a stride-4 stem (40 ms steps),
residual conv blocks at 40, 80 and 160 ms resolution, mean + max pooling over time, two dense layers.
Plain (not depthwise) convolutions: on CPU they train several times faster with PyTorch and run well in
onnxruntime. `norm` picks the input normalisation in the graph: the window's mean log energy ("mean", gain
invariance) or each band's mean over the window ("cmn", gain and voice/channel colour).
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


class WakeNet(nn.Module):
    def __init__(self, n_mels=40, c=64, n_out=3, norm="mean"):
        super().__init__()
        self.norm = norm
        self.stem = nn.Sequential(nn.Conv1d(n_mels, c, 5, stride=4, padding=2, bias=False), nn.BatchNorm1d(c), nn.ReLU())
        self.body = nn.Sequential(ResBlock(c, 5), ResBlock(c, 5, 2), down(c), ResBlock(c, 5), ResBlock(c, 5, 2),
                                  down(c), ResBlock(c, 3))
        self.head = nn.Sequential(nn.Linear(2 * c, 64), nn.ReLU(), nn.Linear(64, n_out))

    def forward(self, feats, full=False):  # feats: [B, T, n_mels]
        if self.norm == "cmn":  # each band's mean over the window: gain and channel (voice colour) invariance
            x = feats - feats.mean(dim=1, keepdim=True)
        else:  # the window's mean over all bands: gain invariance only
            x = feats - feats.mean(dim=(1, 2), keepdim=True)
        x = self.body(self.stem(x.transpose(1, 2)))
        logits = self.head(torch.cat([x.mean(dim=2), x.amax(dim=2)], dim=1))
        if full or self.head[2].out_features == 3:
            return logits
        # Classes after the third (train.py WAKE_AUX: confusable phrases) are kinds of "none": folded into it,
        # so every consumer sees [none, xin_chao_robot, hello_robot] (softmax: p0 + p3 + ..., p1, p2).
        none = torch.logsumexp(torch.cat([logits[:, :1], logits[:, 3:]], dim=1), dim=1, keepdim=True)
        return torch.cat([none, logits[:, 1:3]], dim=1)


class WakeNetExport(nn.Module):
    """What goes into the ONNX file: softmax probabilities."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, feats):
        return torch.softmax(self.net(feats), dim=1)


def load_nets(specs):
    """Trained nets from "norm:path" specs (norm as WakeNet's `norm`), in eval mode, in the given order."""
    nets = []
    for spec in specs:
        norm, path = spec.split(":", 1)
        state = torch.load(path)
        # the width and classes the checkpoint was trained with
        net = WakeNet(norm=norm, c=state["stem.0.weight"].shape[0], n_out=state["head.2.weight"].shape[0])
        net.load_state_dict(state)
        nets.append(net.eval())
    return nets
