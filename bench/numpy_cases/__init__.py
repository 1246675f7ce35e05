"""The numpy side of each benchmark case, keyed by the ids of bench/cases/*.ts."""
from .elementwise import (case_bce, case_dpo, case_focal, case_huber, case_margin_ranking, case_mse,
                          case_sigmoid_focal, case_smooth_l1)
from .rowwise import case_clip, case_info_nce, case_masked_mean, case_softmax_ce, case_triplet

CASES = {
    "mse": case_mse, "huber": case_huber, "smoothL1": case_smooth_l1, "bce": case_bce, "focal": case_focal,
    "sigmoidFocal": case_sigmoid_focal, "dpo": case_dpo, "marginRanking": case_margin_ranking,
    "softmaxCE": case_softmax_ce, "infoNCE": case_info_nce, "maskedMean": case_masked_mean,
    "triplet": case_triplet, "clip": case_clip,
}
