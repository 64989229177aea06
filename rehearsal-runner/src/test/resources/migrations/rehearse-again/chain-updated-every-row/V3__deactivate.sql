-- every row written again by the chain: generated jobs now carry this transaction's id too
UPDATE job SET is_active = false;
