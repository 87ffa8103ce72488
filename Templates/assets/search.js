// Search: loads the index through <script> tags (works from file://) and shows results as you type.
