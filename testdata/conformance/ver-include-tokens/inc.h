User fromh
