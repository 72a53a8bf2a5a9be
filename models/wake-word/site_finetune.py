"""Fine-tunes the committed wake word model on a site's recordings (site_windows.py) and exports it.

    /usr/bin/python3 models/wake-word/site_finetune.py --windows SITE.npz [--windows ...] --out DIR
        [--model models/wake-word/wakeword.onnx] [--epochs 2] [--lr 3e-4] [--threads 2]

Recovers each net of MODEL (onnx_to_pt.py), trains it further with train.py on all of the model's own
training windows (so it does not forget the voices and confusable phrases it learnt: .cache/windows_train.npz
plus --replay-extra and --replay-mined, by default the committed `-rvE`'s: the random-voice and
voice-converted windows and the four mined sets) plus every site window in every epoch, BatchNorms frozen,
and writes DIR/wakeword.onnx + wakeword.json (+ golden vectors) for
`wakeword:calibrate --model DIR/wakeword.onnx` and the kiosk's KIOSK_WAKE_MODEL. The threshold in
DIR/wakeword.json is a placeholder: calibrate on held-out site recordings before use (README, "Fine-tuning
on a site's recordings"). About 25 minutes on two cores.

Needs the training windows of the model being tuned: from an empty .cache/, the committed model's recipe
first (README, "Reproduce": about 75 minutes).
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


# the committed model's training windows besides windows_train.npz (README, the -rvE recipe)
RVE_EXTRA = ["windows_rv.npz", "windows_rv2.npz", "windows_vc.npz"]
RVE_MINED = ["windows_mined_m0a.npz", "windows_mined_m0b.npz", "windows_mined_m1a.npz", "windows_mined_m1b.npz"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--windows", action="append", required=True, metavar="SITE.npz")
    ap.add_argument("--out", required=True)
    ap.add_argument("--model", default=os.path.join(HERE, "wakeword.onnx"))
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--tag", default="site", help="checkpoint names: .cache/wakenet-NORM-TAG.pt")
    ap.add_argument("--replay-extra", action="append", metavar="WINDOWS.npz",
                    help="the model's other training windows (default: -rvE's, in .cache/)")
    ap.add_argument("--replay-mined", action="append", metavar="WINDOWS.npz",
                    help="the model's mined hard negatives (default: -rvE's, in .cache/)")
    args = ap.parse_args(argv)

    import torch  # noqa: E402 (after argparse: --help works without PyTorch)
    from onnx_to_pt import recover  # noqa: E402
    from voicelib.clips import CACHE  # noqa: E402

    extra = args.replay_extra or [os.path.join(CACHE, f) for f in RVE_EXTRA]
    mined = args.replay_mined or [os.path.join(CACHE, f) for f in RVE_MINED]
    missing = [f for f in [os.path.join(CACHE, "windows_train.npz"), *extra, *mined] if not os.path.exists(f)]
    if missing:
        print(f"site_finetune: the model's training windows are missing ({', '.join(missing)}): run its recipe "
              "first (README, Reproduce)", file=sys.stderr)
        return 2
    for w in args.windows:
        if not os.path.exists(w):
            print(f"site_finetune: {w}: no such file (site_windows.py writes it)", file=sys.stderr)
            return 2
    os.makedirs(args.out, exist_ok=True)
    tuned = []
    for norm, net in recover(args.model):
        init = os.path.join(CACHE, f"wakenet-{norm}-{args.tag}-init.pt")
        torch.save(net.state_dict(), init)
        env = {**os.environ, "WAKE_NORM": norm, "WAKE_WIDTH": str(net.stem[0].weight.shape[0]), "WAKE_INIT": init, "WAKE_FREEZE_BN": "1",
               "WAKE_EXTRA": ",".join(os.path.abspath(w) for w in [*extra, *args.windows]),
               "WAKE_MINED": ",".join(os.path.abspath(w) for w in mined), "WAKE_TAG": f"-{args.tag}",
               "WAKE_EPOCHS": str(args.epochs), "WAKE_LR": str(args.lr), "WAKE_THREADS": str(args.threads),
               "WAKE_OUT": os.path.join(args.out, f"net-{norm}")}
        os.makedirs(env["WAKE_OUT"], exist_ok=True)
        subprocess.run([sys.executable, os.path.join(HERE, "train.py")], env=env, check=True)
        tuned.append(f"{norm}:{os.path.join(CACHE, f'wakenet-{norm}-{args.tag}.pt')}")
    subprocess.run([sys.executable, os.path.join(HERE, "export_ensemble.py"), args.out, *tuned], check=True)
    print(f"site model in {args.out}: calibrate it on held-out site recordings before use", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
