package jp.kennin.roster.internal;

/** Where the valid rows of an import go while the file is being read. */
interface RowTarget {

	/** Keeps nothing: a preview of a first load needs no database writes at all. */
	RowTarget NONE = new RowTarget() {

		@Override
		public void add(StagedRow row) {
		}

		@Override
		public void finish() {
		}

		@Override
		public void abort() {
		}

	};

	void add(StagedRow row);

	/** Every row has been added; waits until they are written. */
	void finish();

	/**
	 * Stops writing (the transaction is rolled back); safe to call more than once or
	 * after finish.
	 */
	void abort();

}
