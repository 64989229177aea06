UPDATE items SET quantity_big = NULL;
